#include "mailparser.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define PULT_MAILPARSER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PULT_MAILPARSER_ASAN 1
#endif
#endif

extern char **environ;

namespace Pult {

namespace {

constexpr int OutOfMemoryExit = 3; // app/pult-mailparse/main.cpp

QString fromLocal(const std::string &s)
{
    return QString::fromLocal8Bit(s.data(), qsizetype(s.size()));
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

void closeFd(int &fd)
{
    if (fd >= 0) {
        ::close(fd);
        fd = -1;
    }
}

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

void removeDirectory(const QString &directory)
{
    if (!directory.isEmpty())
        QDir(directory).removeRecursively();
}

std::optional<QDateTime> dateFrom(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    QDateTime date = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return date.toUTC();
}

// An attribute value as libxml2 writes it, unescaped.
QString unescapedAttribute(QStringView value)
{
    QString out = value.toString();
    out.replace(QLatin1String("&quot;"), QLatin1String("\""));
    out.replace(QLatin1String("&#39;"), QLatin1String("'"));
    out.replace(QLatin1String("&lt;"), QLatin1String("<"));
    out.replace(QLatin1String("&gt;"), QLatin1String(">"));
    out.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return out;
}

// The attachment URL a src value (as written) names, or an empty string.
QString cidTarget(QStringView written, const QList<InlinePart> &parts)
{
    const QString value = unescapedAttribute(written).trimmed();
    if (!value.startsWith(QLatin1String("cid:"), Qt::CaseInsensitive))
        return {};
    QString id = QUrl::fromPercentEncoding(value.mid(4).toUtf8());
    if (id.startsWith(u'<') && id.endsWith(u'>'))
        id = id.mid(1, id.size() - 2);
    if (id.isEmpty())
        return {};
    const InlinePart *match = nullptr;
    for (const InlinePart &part : parts) {
        if (part.contentId == id) {
            match = &part;
            break;
        }
        if (!match && part.contentId.compare(id, Qt::CaseInsensitive) == 0)
            match = &part;
    }
    return match ? attachmentUrl(match->sha256, match->name) : QString();
}

MailAddress addressFrom(const QJsonObject &o)
{
    return MailAddress{o.value(QStringLiteral("name")).toString(),
                       o.value(QStringLiteral("address")).toString()};
}

QList<MailAddress> addressesFrom(const QJsonValue &value)
{
    QList<MailAddress> out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        out.append(addressFrom(v.toObject()));
    return out;
}

} // namespace

QList<DeliveryRecipient> DeliveryReport::failed() const
{
    QList<DeliveryRecipient> out;
    for (const DeliveryRecipient &r : recipients) {
        if (r.action == QLatin1String("failed"))
            out.append(r);
    }
    return out;
}

QString defaultMailParserPath()
{
    std::vector<char> buffer(4096);
    const ssize_t n = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
    if (n <= 0)
        return QStringLiteral("pult-mailparse");
    const QString directory =
        QFileInfo(QString::fromLocal8Bit(buffer.data(), qsizetype(n))).absolutePath();
    const QString beside = directory + QStringLiteral("/pult-mailparse");
    if (QFileInfo::exists(beside))
        return beside;
    return QDir::cleanPath(directory + QStringLiteral("/../libexec/pult/pult-mailparse"));
}

Result<ParsedMail> parsedMailFromJson(const QByteArray &json, const QString &directory)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Status(
            Status::Malformed,
            QStringLiteral("the mail parser's answer is not JSON: %1").arg(error.errorString()));
    const QJsonObject o = document.object();
    if (o.value(QStringLiteral("version")).toInt() != 1 ||
        !o.value(QStringLiteral("text")).isString() ||
        !o.value(QStringLiteral("attachments")).isArray())
        return Status(Status::Malformed,
                      QStringLiteral("the mail parser's answer has an unknown shape"));

    ParsedMail mail;
    mail.directory = directory;
    mail.messageId = o.value(QStringLiteral("messageId")).toString();
    mail.inReplyTo = o.value(QStringLiteral("inReplyTo")).toString();
    const QJsonArray references = o.value(QStringLiteral("references")).toArray();
    for (const QJsonValue &v : references)
        mail.references.append(v.toString());
    if (o.value(QStringLiteral("from")).isObject())
        mail.from = addressFrom(o.value(QStringLiteral("from")).toObject());
    mail.to = addressesFrom(o.value(QStringLiteral("to")));
    mail.cc = addressesFrom(o.value(QStringLiteral("cc")));
    mail.replyTo = addressesFrom(o.value(QStringLiteral("replyTo")));
    mail.subject = o.value(QStringLiteral("subject")).toString();
    mail.date = dateFrom(o.value(QStringLiteral("date")));
    mail.autoSubmitted = o.value(QStringLiteral("autoSubmitted")).toString();
    mail.precedence = o.value(QStringLiteral("precedence")).toString();
    if (o.value(QStringLiteral("returnPath")).isString())
        mail.returnPath = o.value(QStringLiteral("returnPath")).toString();
    if (o.value(QStringLiteral("deliveryReport")).isObject()) {
        const QJsonObject r = o.value(QStringLiteral("deliveryReport")).toObject();
        DeliveryReport report;
        report.originalMessageId = r.value(QStringLiteral("originalMessageId")).toString();
        const QJsonArray recipients = r.value(QStringLiteral("recipients")).toArray();
        for (const QJsonValue &v : recipients) {
            const QJsonObject ro = v.toObject();
            report.recipients.append(
                DeliveryRecipient{ro.value(QStringLiteral("address")).toString(),
                                  ro.value(QStringLiteral("action")).toString(),
                                  ro.value(QStringLiteral("status")).toString(),
                                  ro.value(QStringLiteral("diagnostic")).toString(),
                                  ro.value(QStringLiteral("remoteMta")).toString()});
        }
        mail.deliveryReport = std::move(report);
    }
    mail.text = o.value(QStringLiteral("text")).toString();
    mail.textFromHtml = o.value(QStringLiteral("textFromHtml")).toBool();
    mail.html = o.value(QStringLiteral("html")).toString();
    const QJsonArray attachments = o.value(QStringLiteral("attachments")).toArray();
    for (const QJsonValue &v : attachments) {
        const QJsonObject a = v.toObject();
        MailAttachment attachment;
        attachment.index = a.value(QStringLiteral("index")).toInt();
        attachment.fileName = a.value(QStringLiteral("name")).toString();
        attachment.contentType = a.value(QStringLiteral("contentType")).toString();
        attachment.contentId = a.value(QStringLiteral("contentId")).toString();
        attachment.disposition = a.value(QStringLiteral("disposition")).toString();
        attachment.size = qint64(a.value(QStringLiteral("size")).toDouble());
        attachment.sha256 = a.value(QStringLiteral("sha256")).toString();
        const QJsonValue file = a.value(QStringLiteral("file"));
        if (file.isString()) {
            // Only a plain number names a file: nothing the helper says reaches outside.
            const QString name = file.toString();
            bool number = false;
            (void)name.toUInt(&number);
            if (!number || name.startsWith(QLatin1Char('+')) || directory.isEmpty())
                return Status(Status::Malformed,
                              QStringLiteral("the mail parser named a file %1").arg(name));
            attachment.path = directory + QLatin1Char('/') + name;
            const QFileInfo info(attachment.path);
            if (!info.isFile() || info.isSymLink() || info.size() != attachment.size)
                return Status(
                    Status::Malformed,
                    QStringLiteral("the mail parser's file %1 is missing or of another size")
                        .arg(name));
        }
        mail.attachments.append(attachment);
    }
    const QJsonArray forwarded = o.value(QStringLiteral("forwarded")).toArray();
    for (const QJsonValue &v : forwarded) {
        const QJsonObject f = v.toObject();
        ForwardedMail fm;
        fm.messageId = f.value(QStringLiteral("messageId")).toString();
        if (f.value(QStringLiteral("from")).isObject())
            fm.from = addressFrom(f.value(QStringLiteral("from")).toObject());
        fm.subject = f.value(QStringLiteral("subject")).toString();
        fm.date = dateFrom(f.value(QStringLiteral("date")));
        mail.forwarded.append(fm);
    }
    const QJsonArray warnings = o.value(QStringLiteral("warnings")).toArray();
    for (const QJsonValue &v : warnings)
        mail.warnings.append(v.toString());
    mail.truncated = o.value(QStringLiteral("truncated")).toBool();
    return mail;
}

void removeParsedMailFiles(const ParsedMail &mail)
{
    removeDirectory(mail.directory);
}

Result<ParsedMail> parseMail(const QByteArray &raw, const MailParserConfig &config)
{
    const QString helper =
        config.helperPath.isEmpty() ? defaultMailParserPath() : config.helperPath;
    const std::string helperPath = helper.toStdString();
    if (::access(helperPath.c_str(), X_OK) != 0)
        return Status(Status::NotFound, QStringLiteral("no mail parser at %1").arg(helper));

    const QString parent =
        config.temporaryDirectory.isEmpty() ? QDir::tempPath() : config.temporaryDirectory;
    std::string pattern = QString(parent + QStringLiteral("/pult-mail-XXXXXX")).toStdString();
    if (!::mkdtemp(pattern.data())) {
        const int error = errno;
        return Status(
            Status::IoError,
            QStringLiteral("cannot make a directory in %1: %2").arg(parent, errnoText(error)));
    }
    const QString directory = fromLocal(pattern);
    struct Cleanup
    {
        QString directory;
        int fds[5] = {-1, -1, -1, -1, -1};
        bool keepDirectory = false;
        ~Cleanup()
        {
            for (int &fd : fds)
                closeFd(fd);
            if (!keepDirectory)
                removeDirectory(directory);
        }
    } cleanup;
    cleanup.directory = directory;
    int &input = cleanup.fds[0];
    int &outRead = cleanup.fds[1];
    int &outWrite = cleanup.fds[2];
    int &errRead = cleanup.fds[3];
    int &errWrite = cleanup.fds[4];

    // The message reaches the helper's standard input as an unlinked file: no pipe to feed
    // while reading its answer.
    const std::string inputPath = pattern + "/message";
    input = ::open(inputPath.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (input < 0) {
        const int error = errno;
        return Status(Status::IoError,
                      QStringLiteral("cannot write the mail: %1").arg(errnoText(error)));
    }
    ::unlink(inputPath.c_str());
    if (!writeAll(input, raw.constData(), size_t(raw.size())) || ::lseek(input, 0, SEEK_SET) != 0) {
        const int error = errno;
        return Status(Status::IoError,
                      QStringLiteral("cannot write the mail: %1").arg(errnoText(error)));
    }
    int outPipe[2];
    int errPipe[2];
    if (::pipe2(outPipe, O_CLOEXEC) != 0)
        return Status(Status::IoError, QStringLiteral("pipe: %1").arg(errnoText(errno)));
    outRead = outPipe[0];
    outWrite = outPipe[1];
    if (::pipe2(errPipe, O_CLOEXEC) != 0)
        return Status(Status::IoError, QStringLiteral("pipe: %1").arg(errnoText(errno)));
    errRead = errPipe[0];
    errWrite = errPipe[1];

    // Everything the child needs is made before fork(): after it only async-signal-safe calls.
    std::vector<std::string> args = {helperPath,
                                     "--fallback-charset",
                                     config.fallbackCharset.isEmpty()
                                         ? std::string("windows-1252")
                                         : config.fallbackCharset.toStdString(),
                                     "--max-depth",
                                     std::to_string(config.maxDepth),
                                     "--max-parts",
                                     std::to_string(config.maxParts),
                                     "--max-output",
                                     std::to_string(config.maxOutputBytes),
                                     pattern};
    std::vector<char *> argv;
    for (std::string &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env = {"LC_ALL=C.UTF-8", "PATH=/usr/bin:/bin"};
    for (char **e = environ; e && *e; ++e) {
        // The sanitizers' settings (and nothing else of pultd's environment) reach the helper.
        const std::string_view var(*e);
        if (var.starts_with("ASAN_OPTIONS=") || var.starts_with("UBSAN_OPTIONS=") ||
            var.starts_with("LSAN_OPTIONS="))
            env.emplace_back(var);
    }
    std::vector<char *> envp;
    for (std::string &e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
#ifdef PULT_MAILPARSER_ASAN
    // AddressSanitizer reserves terabytes of address space: RLIMIT_AS would stop it at start.
    const bool limitMemory = false;
#else
    const bool limitMemory = config.memoryLimitBytes > 0;
#endif
    const rlim_t memory = rlim_t(config.memoryLimitBytes);
    const rlim_t cpu = rlim_t(std::max(1, config.cpuSeconds));
    const rlim_t fileSize = rlim_t(std::max<qint64>(config.maxOutputBytes, 1 << 20));
    const rlim_t files = rlim_t(std::max(8, config.maxOpenFiles));
    const int childIn = input;
    const int childOut = outWrite;
    const int childErr = errWrite;

    const pid_t pid = ::fork();
    if (pid < 0)
        return Status(Status::IoError, QStringLiteral("fork: %1").arg(errnoText(errno)));
    if (pid == 0) {
        if (::dup2(childIn, STDIN_FILENO) < 0 || ::dup2(childOut, STDOUT_FILENO) < 0 ||
            ::dup2(childErr, STDERR_FILENO) < 0)
            ::_exit(127);
        // No descriptor of pultd's (sockets, database files) survives into the helper.
        if (::close_range(3, ~0U, 0) != 0) {
            for (int fd = 3; fd < 65536; ++fd)
                ::close(fd);
        }
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        struct sigaction defaults = {};
        defaults.sa_handler = SIG_DFL;
        for (int s : {SIGPIPE, SIGXCPU, SIGXFSZ, SIGSEGV, SIGABRT, SIGTERM})
            ::sigaction(s, &defaults, nullptr);
        struct rlimit limit;
        limit.rlim_cur = limit.rlim_max = 0;
        ::setrlimit(RLIMIT_CORE, &limit);
        if (limitMemory) {
            limit.rlim_cur = limit.rlim_max = memory;
            ::setrlimit(RLIMIT_AS, &limit);
        }
        limit.rlim_cur = cpu;
        limit.rlim_max = cpu + 1; // SIGXCPU first, SIGKILL a second later
        ::setrlimit(RLIMIT_CPU, &limit);
        limit.rlim_cur = limit.rlim_max = fileSize;
        ::setrlimit(RLIMIT_FSIZE, &limit);
        limit.rlim_cur = limit.rlim_max = files;
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    closeFd(input);
    closeFd(outWrite);
    closeFd(errWrite);

    // Read both pipes until they close or the time is up.
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(config.timeoutMilliseconds);
    const qsizetype maxAnswer =
        qsizetype(std::min<qint64>(config.maxOutputBytes * 2 + (16 << 20), qint64(1) << 31));
    QByteArray answer;
    QByteArray errors;
    bool timedOut = false;
    bool tooLong = false;
    const auto remainingMs = [&] {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        return int(std::max<long long>(0, left.count()));
    };
    char buffer[65536];
    while (outRead >= 0 || errRead >= 0) {
        const int wait = remainingMs();
        if (wait <= 0) {
            timedOut = true;
            break;
        }
        pollfd fds[2];
        nfds_t n = 0;
        if (outRead >= 0)
            fds[n++] = {outRead, POLLIN, 0};
        if (errRead >= 0)
            fds[n++] = {errRead, POLLIN, 0};
        const int ready = ::poll(fds, n, wait);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            break;
        for (nfds_t i = 0; i < n; ++i) {
            if (fds[i].revents == 0)
                continue;
            const ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
            if (got < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            const bool isOut = fds[i].fd == outRead;
            if (got <= 0) {
                closeFd(isOut ? outRead : errRead);
                continue;
            }
            if (isOut) {
                answer.append(buffer, got);
                if (answer.size() > maxAnswer) {
                    tooLong = true;
                    break;
                }
            } else if (errors.size() < 65536) {
                errors.append(buffer, got);
            }
        }
        if (tooLong)
            break;
    }
    int status = 0;
    for (;;) {
        if (timedOut || tooLong) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid)
            break;
        if (done < 0 && errno != EINTR) {
            status = 0;
            break;
        }
        if (remainingMs() <= 0)
            timedOut = true;
        else
            ::usleep(2000);
    }
    const QString stderrText = QString::fromUtf8(errors).trimmed().left(500);
    if (timedOut)
        return Status(Status::Timeout,
                      QStringLiteral("the mail parser ran longer than %1 ms and was killed")
                          .arg(config.timeoutMilliseconds));
    if (tooLong)
        return Status(Status::Malformed,
                      QStringLiteral("the mail parser's answer is over %1 bytes").arg(maxAnswer));
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        const QString name = QString::fromLocal8Bit(::strsignal(signal));
        if (signal == SIGXCPU || signal == SIGKILL)
            return Status(Status::LimitExceeded,
                          QStringLiteral("the mail parser used more than %1 s of CPU time (%2)")
                              .arg(config.cpuSeconds)
                              .arg(name));
        if (signal == SIGXFSZ)
            return Status(
                Status::LimitExceeded,
                QStringLiteral("the mail parser wrote a file over %1 bytes").arg(qint64(fileSize)));
        // GLib aborts (SIGTRAP or SIGABRT) when g_malloc() fails under RLIMIT_AS.
        if ((signal == SIGABRT || signal == SIGTRAP) &&
            (errors.contains("failed to allocate") || errors.contains("out of memory") ||
             errors.contains("std::bad_alloc")))
            return Status(Status::LimitExceeded,
                          QStringLiteral("the mail parser ran out of memory (%1 bytes): %2")
                              .arg(config.memoryLimitBytes)
                              .arg(stderrText));
        return Status(Status::Crashed, QStringLiteral("the mail parser died of signal %1 (%2): %3")
                                           .arg(signal)
                                           .arg(name, stderrText));
    }
    const int exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (exitCode == OutOfMemoryExit)
        return Status(Status::LimitExceeded,
                      QStringLiteral("the mail parser ran out of memory (%1 bytes)")
                          .arg(config.memoryLimitBytes));
    if (exitCode != 0)
        return Status(
            Status::Crashed,
            QStringLiteral("the mail parser exited with %1: %2").arg(exitCode).arg(stderrText));
    Result<ParsedMail> parsed = parsedMailFromJson(answer, directory);
    if (parsed.good())
        cleanup.keepDirectory = true;
    return parsed;
}

QString attachmentUrl(const QByteArray &sha256, const QString &name)
{
    if (sha256.size() != 64)
        return {};
    for (char c : sha256) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return {};
    }
    // As ui/conversationrenderer.cpp writes it (the client's own links compare equal to these).
    return QUrl::fromEncoded("attachment:" + sha256.toLower() +
                                 "?name=" + QUrl::toPercentEncoding(name),
                             QUrl::StrictMode)
        .toString(QUrl::FullyEncoded);
}

QString linkCidImages(const QString &html, const QList<InlinePart> &parts)
{
    if (parts.isEmpty() || !html.contains(QLatin1String("cid:"), Qt::CaseInsensitive))
        return html;
    // Walks the serialised HTML: text, tags, and quoted attribute values in tags (libxml2
    // escapes '<' and '>' in text and attribute values, so they delimit tags).
    static const QLatin1String src("src=\"");
    QString out;
    out.reserve(html.size() + 256);
    bool inTag = false;
    QChar quote;
    for (qsizetype i = 0; i < html.size(); ++i) {
        const QChar c = html.at(i);
        out += c;
        if (!inTag) {
            inTag = c == u'<';
        } else if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'>') {
            inTag = false;
        } else if (c.isSpace() &&
                   QStringView(html).mid(i + 1, src.size()).compare(src, Qt::CaseInsensitive) ==
                       0) {
            const qsizetype valueStart = i + 1 + src.size();
            const qsizetype valueEnd = html.indexOf(u'"', valueStart);
            if (valueEnd < 0)
                continue;
            const QString url =
                cidTarget(QStringView(html).mid(valueStart, valueEnd - valueStart), parts);
            if (url.isEmpty())
                continue;
            out += src;
            out += url.toHtmlEscaped();
            out += u'"';
            i = valueEnd;
        }
    }
    return out;
}

} // namespace Pult
