#include "textfold.h"

#include <sqlite3.h>

#include <QStringList>

#include <string>
#include <vector>

namespace Pult {
namespace {

// Letters without a Unicode decomposition, lower case (unicode61 has already folded case and
// removed the decomposable diacritics), with their search folding.
struct Fold
{
    char32_t from;
    const char *to;
};
constexpr Fold kFolds[] = {
    {U'\u0142', "l"},  // ł  Polish
    {U'\u0141', "l"},  // Ł
    {U'\u0111', "d"},  // đ  Croatian, Serbian Latin
    {U'\u0110', "d"},  // Đ
    {U'\u00f0', "d"},  // ð
    {U'\u00f8', "o"},  // ø
    {U'\u00d8', "o"},  // Ø
    {U'\u0127', "h"},  // ħ
    {U'\u0131', "i"},  // ı  dotless i
    {U'\u0167', "t"},  // ŧ
    {U'\u0140', "l"},  // ŀ
    {U'\u00df', "ss"}, // ß
    {U'\u00e6', "ae"}, // æ
    {U'\u00c6', "ae"}, // Æ
    {U'\u0153', "oe"}, // œ
    {U'\u00fe', "th"}, // þ
};

const char *foldOf(char32_t c)
{
    for (const Fold &f : kFolds) {
        if (f.from == c)
            return f.to;
    }
    return nullptr;
}

// Decodes one UTF-8 sequence at p (unicode61 only hands out valid UTF-8); returns its length.
int decodeUtf8(const unsigned char *p, int left, char32_t &c)
{
    if (p[0] < 0x80) {
        c = p[0];
        return 1;
    }
    if ((p[0] & 0xe0) == 0xc0 && left >= 2) {
        c = char32_t(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
        return 2;
    }
    if ((p[0] & 0xf0) == 0xe0 && left >= 3) {
        c = char32_t(p[0] & 0x0f) << 12 | char32_t(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
        return 3;
    }
    if ((p[0] & 0xf8) == 0xf0 && left >= 4) {
        c = char32_t(p[0] & 0x07) << 18 | char32_t(p[1] & 0x3f) << 12 | char32_t(p[2] & 0x3f) << 6 |
            (p[3] & 0x3f);
        return 4;
    }
    c = 0xfffd;
    return 1;
}

struct PultTokenizer
{
    fts5_tokenizer base;     // unicode61's functions
    Fts5Tokenizer *instance; // unicode61's instance
};

struct TokenContext
{
    void *callerContext;
    int (*callerToken)(void *, int, const char *, int, int, int);
    std::string buffer;
};

int foldingToken(void *ctx, int flags, const char *token, int size, int start, int end)
{
    auto *context = static_cast<TokenContext *>(ctx);
    if (foldUndecomposable(token, size, context->buffer))
        return context->callerToken(context->callerContext, flags, context->buffer.data(),
                                    int(context->buffer.size()), start, end);
    return context->callerToken(context->callerContext, flags, token, size, start, end);
}

int createTokenizer(void *api, const char **args, int argCount, Fts5Tokenizer **out)
{
    auto *fts = static_cast<fts5_api *>(api);
    void *userData = nullptr;
    auto *tokenizer = new PultTokenizer{};
    int rc = fts->xFindTokenizer(fts, "unicode61", &userData, &tokenizer->base);
    if (rc == SQLITE_OK) {
        // remove_diacritics 2 also handles letters with several diacritics (Vietnamese etc.).
        std::vector<const char *> unicodeArgs{"remove_diacritics", "2"};
        unicodeArgs.insert(unicodeArgs.end(), args, args + argCount);
        rc = tokenizer->base.xCreate(userData, unicodeArgs.data(), int(unicodeArgs.size()),
                                     &tokenizer->instance);
    }
    if (rc != SQLITE_OK) {
        delete tokenizer;
        return rc;
    }
    *out = reinterpret_cast<Fts5Tokenizer *>(tokenizer);
    return SQLITE_OK;
}

void deleteTokenizer(Fts5Tokenizer *t)
{
    auto *tokenizer = reinterpret_cast<PultTokenizer *>(t);
    tokenizer->base.xDelete(tokenizer->instance);
    delete tokenizer;
}

int tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int size,
             int (*token)(void *, int, const char *, int, int, int))
{
    auto *tokenizer = reinterpret_cast<PultTokenizer *>(t);
    TokenContext context{ctx, token, {}};
    return tokenizer->base.xTokenize(tokenizer->instance, &context, flags, text, size,
                                     foldingToken);
}

fts5_api *ftsApi(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return api;
}

} // namespace

bool foldUndecomposable(const char *token, int size, std::string &out)
{
    const auto *p = reinterpret_cast<const unsigned char *>(token);
    int i = 0;
    while (i < size && p[i] < 0x80)
        ++i;
    if (i == size)
        return false; // plain ASCII, the common case
    bool changed = false;
    out.assign(token, std::size_t(i));
    while (i < size) {
        char32_t c = 0;
        const int length = decodeUtf8(p + i, size - i, c);
        if (const char *folded = foldOf(c)) {
            out.append(folded);
            changed = true;
        } else {
            out.append(token + i, std::size_t(length));
        }
        i += length;
    }
    return changed;
}

Status registerSearchTokenizer(sqlite3 *db)
{
    fts5_api *api = ftsApi(db);
    if (!api || api->iVersion < 2)
        return {Status::Internal, QStringLiteral("this SQLite library was built without FTS5")};
    static fts5_tokenizer tokenizer{createTokenizer, deleteTokenizer, tokenize};
    const int rc = api->xCreateTokenizer(api, "pult", api, &tokenizer, nullptr);
    if (rc != SQLITE_OK)
        return {Status::Internal, QStringLiteral("cannot register the search tokenizer")};
    return {};
}

namespace {

// One "pult" tokenizer per thread, on a private in-memory connection, for searchTokens().
class ThreadTokenizer
{
public:
    ThreadTokenizer()
    {
        if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY,
                            nullptr) != SQLITE_OK ||
            !registerSearchTokenizer(m_db).good())
            return;
        fts5_api *api = ftsApi(m_db);
        void *userData = nullptr;
        if (api && api->xFindTokenizer(api, "pult", &userData, &m_api) == SQLITE_OK &&
            m_api.xCreate(userData, nullptr, 0, &m_instance) != SQLITE_OK)
            m_instance = nullptr;
    }
    ~ThreadTokenizer()
    {
        if (m_instance)
            m_api.xDelete(m_instance);
        sqlite3_close(m_db);
    }
    ThreadTokenizer(const ThreadTokenizer &) = delete;
    ThreadTokenizer &operator=(const ThreadTokenizer &) = delete;

    QStringList tokens(const QString &text)
    {
        QStringList out;
        if (!m_instance)
            return out; // cannot happen with an SQLite that has FTS5, which open() requires
        const QByteArray utf8 = text.toUtf8();
        m_api.xTokenize(m_instance, &out, FTS5_TOKENIZE_DOCUMENT, utf8.constData(),
                        int(utf8.size()),
                        [](void *ctx, int, const char *token, int size, int, int) {
                            static_cast<QStringList *>(ctx)->append(QString::fromUtf8(token, size));
                            return SQLITE_OK;
                        });
        return out;
    }

private:
    sqlite3 *m_db = nullptr;
    fts5_tokenizer m_api{};
    Fts5Tokenizer *m_instance = nullptr;
};

} // namespace

QStringList searchTokens(const QString &text)
{
    thread_local ThreadTokenizer tokenizer;
    return tokenizer.tokens(text);
}

Status registerTextFunctions(sqlite3 *db)
{
    if (Status s = registerSearchTokenizer(db); !s.good())
        return s;
    const auto lower = [](sqlite3_context *context, int, sqlite3_value **argv) {
        if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
            return; // NULL in, NULL out
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
        const QByteArray folded =
            QString::fromUtf8(text, sqlite3_value_bytes(argv[0])).toLower().toUtf8();
        sqlite3_result_text(context, folded.constData(), int(folded.size()), SQLITE_TRANSIENT);
    };
    if (sqlite3_create_function_v2(db, "pult_lower", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                   lower, nullptr, nullptr, nullptr) != SQLITE_OK)
        return {Status::Internal, QStringLiteral("cannot register pult_lower()")};
    return {};
}

QString toFtsQuery(const QString &userText, FtsTerms kind)
{
    QStringList terms;
    QString word;
    bool inPhrase = false;
    const auto flush = [&](bool phrase) {
        const QString trimmed = word.trimmed();
        word.clear();
        // Keep only text that has a letter or digit: punctuation alone tokenises to nothing.
        bool searchable = false;
        for (QChar c : trimmed)
            searchable = searchable || c.isLetterOrNumber();
        if (!searchable)
            return;
        QString quoted = trimmed;
        quoted.replace(u'"', QStringLiteral("\"\""));
        terms.append(u'"' + quoted + u'"' +
                     (phrase || kind == FtsTerms::Exact ? QString() : QStringLiteral("*")));
    };
    for (QChar c : userText) {
        if (c == u'"') {
            flush(inPhrase);
            inPhrase = !inPhrase;
        } else if (!inPhrase && c.isSpace()) {
            flush(false);
        } else {
            word.append(c);
        }
    }
    flush(inPhrase);
    return terms.join(u' ');
}

} // namespace Pult
