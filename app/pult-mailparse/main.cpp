// pult-mailparse: parses one raw RFC 5322 message from standard input and writes the result as
// one JSON object on standard output; attachment and inline-part bytes go to files named by
// their index in OUTPUT_DIR. pultd runs it as a separate process with resource limits
// (server/mail/mailparser.h), so a hostile mail can at worst kill this process.
//
//   pult-mailparse [--fallback-charset CHARSET] [--max-depth N] [--max-parts N]
//                  [--max-output BYTES] OUTPUT_DIR
//
// Exit status: 0 answered, 2 usage, 3 out of memory, 4 input or output error.
#include "mimeparse.h"

#include <gmime/gmime.h>
#include <libxml/parser.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <unistd.h>

namespace {

int usage()
{
    std::fputs("usage: pult-mailparse [--fallback-charset CHARSET] [--max-depth N] "
               "[--max-parts N] [--max-output BYTES] OUTPUT_DIR < message\n",
               stderr);
    return 2;
}

bool number(const char *text, unsigned long long max, unsigned long long &out)
{
    char *end = nullptr;
    errno = 0;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (errno != 0 || !end || *end != '\0' || end == text || value > max)
        return false;
    out = value;
    return true;
}

bool writeAll(int fd, const std::string &bytes)
{
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += size_t(n);
    }
    return true;
}

int run(int argc, char *argv[])
{
    Pult::MailParse::Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        unsigned long long value = 0;
        if (arg == "--fallback-charset" && i + 1 < argc) {
            options.fallbackCharset = argv[++i];
        } else if (arg == "--max-depth" && i + 1 < argc && number(argv[++i], 1000, value)) {
            options.maxDepth = int(value);
        } else if (arg == "--max-parts" && i + 1 < argc && number(argv[++i], 100000, value)) {
            options.maxParts = int(value);
        } else if (arg == "--max-output" && i + 1 < argc && number(argv[++i], 1ull << 40, value)) {
            options.maxOutputBytes = value;
        } else if (!arg.empty() && arg[0] != '-' && options.outputDirectory.empty()) {
            options.outputDirectory = arg;
        } else {
            return usage();
        }
    }
    if (options.outputDirectory.empty())
        return usage();

    std::string raw;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            std::perror("pult-mailparse: reading the message");
            return 4;
        }
        if (n == 0)
            break;
        raw.append(buffer, size_t(n));
    }

    g_mime_init();
    std::string json = Pult::MailParse::parseToJson(raw, options);
    g_mime_shutdown();
    xmlCleanupParser();
    json.push_back('\n');
    if (!writeAll(STDOUT_FILENO, json)) {
        std::perror("pult-mailparse: writing the answer");
        return 4;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc &) {
        // Under pultd's RLIMIT_AS; pultd reports it as a limit, not as a crash.
        static const char message[] = "pult-mailparse: out of memory\n";
        (void)!::write(STDERR_FILENO, message, sizeof message - 1);
        ::_exit(3);
    }
}
