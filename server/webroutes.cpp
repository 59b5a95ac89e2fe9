#include "webroutes.h"

#include "api.h"
#include "attachmentfiles.h"
#include "customerpages.h"
#include "customertexts.h"
#include "digests.h"
#include "logrecord.h"
#include "multipart.h"
#include "router.h"
#include "serverstore.h"
#include "uuid.h"

#include <QDateTime>
#include <QLocale>
#include <QScopeGuard>
#include <QStringDecoder>
#include <QUrlQuery>

#include <fcntl.h>
#include <sodium.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <optional>
#include <variant>

namespace Pult {

namespace {

using CustomerPages::FieldErrors;
using CustomerPages::FormInput;
using CustomerPages::Look;
using CustomerTexts::Text;

// A form is good for a day after it was shown.
constexpr qint64 kFormLifetimeMs = 24 * 3600 * 1000;
constexpr qsizetype kNonceBytes = 16;
constexpr qsizetype kMacBytes = 16;
// The id of a post is made from its form's nonce in this namespace.
const QUuid kPostNamespace(QStringLiteral("{9b7e3f0a-2d41-4c86-8e15-6a0c4f9d2b73}"));

QString text(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

// A text field's value: UTF-8, its line ends LF; nullopt when it is not UTF-8.
std::optional<QString> fieldText(std::string_view bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = utf8(QByteArrayView(bytes.data(), qsizetype(bytes.size())));
    if (utf8.hasError())
        return std::nullopt;
    // Browsers send line ends as CRLF; the store keeps LF.
    decoded.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return decoded;
}

// The signed token of a form: when it was shown, a random nonce (the post's id) and a MAC over
// both with what the form is for (the department's id, or the status page's token), base64url.
QByteArray mac(const QByteArray &key, const QByteArray &purpose, const QString &scope,
               const QByteArray &issuedAndNonce)
{
    return hmacSha256(key, purpose + '\0' + scope.toUtf8() + '\0' + issuedAndNonce).left(kMacBytes);
}

QString signForm(const QByteArray &key, const QByteArray &purpose, const QString &scope)
{
    QByteArray data;
    const quint64 issued = quint64(QDateTime::currentMSecsSinceEpoch());
    for (int shift = 56; shift >= 0; shift -= 8)
        data.append(char((issued >> shift) & 0xff));
    QByteArray nonce(kNonceBytes, '\0');
    randombytes_buf(nonce.data(), std::size_t(nonce.size()));
    data += nonce;
    data += mac(key, purpose, scope, data);
    return QString::fromLatin1(
        data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

struct SignedForm
{
    QUuid postId;
    qint64 ageMs = 0;
};

// The form's token checked: nullopt when it is missing, forged, for something else or too old.
std::optional<SignedForm> verifyForm(const QByteArray &key, const QByteArray &purpose,
                                     const QString &scope, const QString &token)
{
    const auto result = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray &decoded = result.decoded;
    if (!result || decoded.size() != 8 + kNonceBytes + kMacBytes)
        return std::nullopt;
    const QByteArray data = decoded.left(8 + kNonceBytes);
    const QByteArray expected = mac(key, purpose, scope, data);
    if (sodium_memcmp(expected.constData(), decoded.constData() + data.size(),
                      std::size_t(kMacBytes)) != 0)
        return std::nullopt;
    quint64 issued = 0;
    for (int i = 0; i < 8; ++i)
        issued = (issued << 8) | quint8(data[i]);
    const qint64 age = QDateTime::currentMSecsSinceEpoch() - qint64(issued);
    if (age < 0 || age > kFormLifetimeMs)
        return std::nullopt;
    return SignedForm{QUuid::createUuidV5(kPostNamespace, data.mid(8)), age};
}

// An application/x-www-form-urlencoded body; nullopt when it is not one, or not UTF-8.
std::optional<QHash<QString, QString>> parseForm(const ApiRequest &request)
{
    const std::string_view type = request.contentType.substr(0, request.contentType.find(';'));
    if (type != "application/x-www-form-urlencoded")
        return std::nullopt;
    QHash<QString, QString> fields;
    const QByteArray body(request.body.data(), qsizetype(request.body.size()));
    for (QByteArray pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = QByteArray::fromPercentEncoding(pair.left(equals));
        const QByteArray value =
            equals < 0 ? QByteArray() : QByteArray::fromPercentEncoding(pair.mid(equals + 1));
        const auto decodedName =
            fieldText(std::string_view(name.constData(), std::size_t(name.size())));
        const auto decodedValue =
            fieldText(std::string_view(value.constData(), std::size_t(value.size())));
        if (!decodedName || !decodedValue)
            return std::nullopt;
        fields.insert(*decodedName, *decodedValue);
    }
    return fields;
}

// "The files are too large: together they may have at most 50 MB."
QString filesTooLarge(const QString &language, std::uint64_t limit)
{
    return CustomerTexts::text(Text::FilesTooLarge, language)
        .arg(QLocale(language).formattedDataSize(qint64(limit), 0,
                                                 QLocale::DataSizeTraditionalFormat));
}

// A customer's post: its text fields, and the files it carries (a multipart/form-data body,
// which server.cpp spooled to request.bodyFile).
struct CustomerPost
{
    QHash<QString, QString> fields;
    struct File
    {
        QString name; // as the customer's browser gave it, made safe for a file name
        QString type;
        std::uint64_t offset = 0; // of its bytes in the spooled body
        std::uint64_t length = 0;
    };
    QList<File> files;    // the chosen files (a file input with none chosen: none)
    std::string bodyFile; // where their bytes are
    std::uint64_t filesSize() const
    {
        std::uint64_t total = 0;
        for (const File &f : files)
            total += f.length;
        return total;
    }
};

// A file's name as a customer's browser sent it: the last part of a path (old browsers sent the
// whole), no control characters, at most 200 characters.
QString fileName(std::string_view sent)
{
    const std::size_t slash = sent.find_last_of("/\\");
    if (slash != std::string_view::npos)
        sent.remove_prefix(slash + 1);
    QString name = QString::fromUtf8(sent.data(), qsizetype(sent.size()));
    name.removeIf([](QChar c) { return c.category() == QChar::Other_Control; });
    name = name.trimmed().left(200);
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    return name.isEmpty() ? QStringLiteral("file") : name;
}

// The body's text fields and files; nullopt when it is neither form encoding, is malformed, or
// its text is not UTF-8.
std::optional<CustomerPost> parsePost(const ApiRequest &request)
{
    if (request.bodyFile.empty()) {
        auto fields = parseForm(request);
        if (!fields)
            return std::nullopt;
        return CustomerPost{std::move(*fields), {}, {}};
    }
    const std::optional<std::string> boundary = Multipart::boundaryOf(request.contentType);
    if (!boundary)
        return std::nullopt;
    CustomerPost post;
    post.bodyFile = std::string(request.bodyFile);
    // The spooled body, mapped: files are only located here, copied later by storeFiles.
    const int fd = ::open(post.bodyFile.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st
    {
    };
    if (fd < 0 || ::fstat(fd, &st) != 0 || st.st_size <= 0) {
        if (fd >= 0)
            ::close(fd);
        return std::nullopt;
    }
    void *mapped = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED)
        return std::nullopt;
    const std::string_view body(static_cast<const char *>(mapped), std::size_t(st.st_size));
    const auto parts = Multipart::parse(body, *boundary);
    bool good = parts.has_value();
    std::uint64_t textBytes = 0;
    for (const Multipart::Part &part : parts.value_or(std::vector<Multipart::Part>())) {
        if (part.filename) {
            if (!part.filename->empty() || part.length > 0)
                post.files.append({fileName(*part.filename),
                                   QString::fromStdString(part.contentType), part.offset,
                                   part.length});
            continue;
        }
        textBytes += part.length;
        const auto value = fieldText(body.substr(part.offset, part.length));
        if (!value || textBytes > kCustomerPostTextBytes) {
            good = false;
            break;
        }
        post.fields.insert(QString::fromStdString(part.name), *value);
    }
    ::munmap(mapped, std::size_t(st.st_size));
    if (!good)
        return std::nullopt;
    return post;
}

// Copies the post's files from the spooled body into the attachment store (each written to
// DATA/attachments/partial, then adopted under its SHA-256), as the message's attachments.
Result<QList<Attachment>> storeFiles(const std::filesystem::path &attachments,
                                     const CustomerPost &post)
{
    QList<Attachment> stored;
    if (post.files.isEmpty())
        return stored;
    const int body = ::open(post.bodyFile.c_str(), O_RDONLY | O_CLOEXEC);
    if (body < 0)
        return Status(Status::IoError, QStringLiteral("the spooled post is gone"));
    const auto closeBody = qScopeGuard([body] { ::close(body); });
    const std::filesystem::path partial = AttachmentFiles::partialDirectory(attachments);
    std::error_code ec;
    std::filesystem::create_directories(partial, ec);
    std::vector<char> buffer(std::size_t(1024 * 1024));
    for (const CustomerPost::File &f : post.files) {
        const std::filesystem::path copy =
            partial / ("post-" + uuidToString(QUuid::createUuid()).toStdString());
        const int out = ::open(copy.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (out < 0)
            return Status(Status::IoError, QStringLiteral("cannot write %1: %2")
                                               .arg(QString::fromStdString(copy.string()),
                                                    QString::fromLocal8Bit(std::strerror(errno))));
        bool copied = true;
        for (std::uint64_t done = 0; copied && done < f.length;) {
            const ssize_t n = ::pread(body, buffer.data(),
                                      std::min<std::uint64_t>(buffer.size(), f.length - done),
                                      off_t(f.offset + done));
            copied = n > 0 && ::write(out, buffer.data(), std::size_t(n)) == n;
            done += copied ? std::uint64_t(n) : 0;
        }
        ::close(out);
        auto hash = copied ? AttachmentFiles::adopt(attachments, copy)
                           : Result<std::string>(Status(
                                 Status::IoError, QStringLiteral("cannot copy a posted file")));
        if (!hash.good()) {
            std::filesystem::remove(copy, ec);
            return hash.status();
        }
        stored.append({QByteArray::fromStdString(*hash), f.name,
                       f.type.isEmpty() ? QStringLiteral("application/octet-stream") : f.type,
                       qint64(f.length)});
    }
    return stored;
}

QString queryValue(const ApiRequest &request, const QString &name)
{
    return QUrlQuery(text(request.query)).queryItemValue(name);
}

// The page's language: ?lang=, the contact's, the browser's, the department's, English.
QString pageLanguage(const ApiRequest &request, const QString &contactLanguage,
                     const QJsonObject &departmentSettings)
{
    QStringList preferences{queryValue(request, QStringLiteral("lang")), contactLanguage};
    preferences += CustomerTexts::acceptLanguages(request.acceptLanguage);
    preferences.append(departmentSettings.value(QLatin1String("language")).toString());
    const QString language = CustomerTexts::supported(preferences);
    return language.isEmpty() ? QStringLiteral("en") : language;
}

Look lookOf(const ServerStore::WebDepartment &department, const QString &language,
            std::uint64_t filesLimit)
{
    Look look;
    look.filesLimit = qint64(filesLimit);
    look.language = language;
    look.departmentName = department.name;
    look.color = department.settings.value(QLatin1String("color")).toString();
    look.frameOrigins = department.settings.value(QLatin1String("form_origins"))
                            .toString()
                            .split(u' ', Qt::SkipEmptyParts);
    return look;
}

// A POST from another site is refused: its Origin must be this server's own (as the Host header
// or the public URL names it), or one the department lets embed its form. Browsers send
// "Origin: null" from our own pages, whose Referrer-Policy is no-referrer; the form's signed
// token stands in for the origin then (and for clients that send none, such as curl).
bool sameOrigin(const ApiRequest &request, const QString &publicUrl, const QStringList &allowed)
{
    if (request.origin.empty() || request.origin == "null")
        return true;
    const QString origin = text(request.origin);
    const QString host = text(request.host);
    return origin == u"http://" + host || origin == u"https://" + host ||
           origin == publicUrl.section(u'/', 0, 2) || allowed.contains(origin);
}

void logRefused(std::string_view route, std::string_view reason)
{
    LogRecord(LogLevel::Info, "web_post_refused")
        .addString("route", route)
        .addString("reason", reason)
        .write();
}

// The store failed: logged, and `answer` (a page to try again from) given with 503.
ApiResponse storeFailed(const Status &status, ApiResponse answer)
{
    LogRecord(LogLevel::Error, "web_store_failed")
        .addString("error", status.message().toStdString())
        .write();
    answer.status = 503;
    answer.retryAfterSeconds = 1;
    return answer;
}

ApiResponse storeFailed(const ApiRequest &request, const Status &status)
{
    return storeFailed(status, CustomerPages::unavailable(pageLanguage(request, {}, {})));
}

class CustomerRoutes
{
public:
    CustomerRoutes(ServerStore &store, WebRoutesConfig config)
        : m_store(store)
        , m_config(std::move(config))
    {}

    // A department that has a form (web_form is not "off").
    Result<std::optional<ServerStore::WebDepartment>> department(const ApiRequest &request)
    {
        auto found = m_store.webDepartment(text(pathParameter(request.path)));
        if (found.good() && *found &&
            (*found)->settings.value(QLatin1String("web_form")).toString() == u"off")
            return std::optional<ServerStore::WebDepartment>();
        return found;
    }

    ApiResponse showForm(const ApiRequest &request)
    {
        auto found = department(request);
        if (!found.good())
            return storeFailed(request, found.status());
        if (!*found)
            return CustomerPages::notFound(pageLanguage(request, {}, {}));
        const ServerStore::WebDepartment &d = **found;
        return CustomerPages::form(
            lookOf(d, pageLanguage(request, {}, d.settings), m_config.attachmentLimit), {}, {}, {},
            signForm(m_config.formKey, "form", uuidToString(d.id)));
    }

    // What is wrong with a post's files: too many, or too large together; empty when nothing.
    QString filesProblem(const CustomerPost &post, const QString &language) const
    {
        if (post.files.size() > CustomerPages::kMaxFiles)
            return CustomerTexts::text(Text::TooManyFiles, language).arg(CustomerPages::kMaxFiles);
        if (post.filesSize() > m_config.attachmentLimit)
            return filesTooLarge(language, m_config.attachmentLimit);
        return {};
    }

    ApiResponse postForm(const ApiRequest &request)
    {
        const auto post = parsePost(request);
        const QHash<QString, QString> *fields = post ? &post->fields : nullptr;
        const FormInput input = fields ? FormInput{fields->value(QStringLiteral("name")),
                                                   fields->value(QStringLiteral("email")),
                                                   fields->value(QStringLiteral("subject")),
                                                   fields->value(QStringLiteral("message"))}
                                       : FormInput{};
        auto found = department(request);
        if (!found.good()) {
            // Without its department the form comes back plain, with what was typed and the
            // token it was sent with (good for a day), to be sent again.
            Look plain;
            plain.language = pageLanguage(request, {}, {});
            return storeFailed(
                found.status(),
                CustomerPages::form(
                    plain, input, {}, CustomerTexts::text(Text::Unavailable, plain.language),
                    fields ? fields->value(QStringLiteral("token")) : QString(), 503));
        }
        if (!*found)
            return CustomerPages::notFound(pageLanguage(request, {}, {}));
        const ServerStore::WebDepartment &d = **found;
        const QString language = pageLanguage(request, {}, d.settings);
        const Look look = lookOf(d, language, m_config.attachmentLimit);
        const QString scope = uuidToString(d.id);
        const auto again = [&](const FormInput &input, FieldErrors errors, Text problem,
                               int status) {
            // Files a refused post carried must be chosen again: browsers never fill them in.
            if (post && !post->files.isEmpty() && !errors.contains(QStringLiteral("files")))
                errors.insert(QStringLiteral("files"),
                              CustomerTexts::text(Text::FilesAgain, language));
            return CustomerPages::form(
                look, input, errors,
                problem == Text::Count ? QString() : CustomerTexts::text(problem, language),
                signForm(m_config.formKey, "form", scope), status);
        };
        if (!fields) {
            logRefused("/form/{department}", "unreadable");
            return again({}, {}, Text::Unreadable, 400);
        }
        if (!sameOrigin(request, m_store.publicUrl(), look.frameOrigins)) {
            logRefused("/form/{department}", "origin");
            return again(input, {}, Text::FormExpired, 403);
        }
        const auto signedForm =
            verifyForm(m_config.formKey, "form", scope, fields->value(QStringLiteral("token")));
        if (!signedForm || !fields->value(QStringLiteral("website")).isEmpty()) {
            logRefused("/form/{department}", signedForm ? "trap" : "token");
            return again(input, {}, Text::FormExpired, 400);
        }
        if (signedForm->ageMs < m_config.minFillTime.count()) {
            logRefused("/form/{department}", "too_fast");
            return again(input, {}, Text::TooFast, 400);
        }
        FieldErrors errors = CustomerPages::check(input, language);
        if (const QString problem = filesProblem(*post, language); !problem.isEmpty())
            errors.insert(QStringLiteral("files"), problem);
        if (!errors.isEmpty())
            return again(input, errors, Text::Count, 400);
        auto attachments = storeFiles(m_store.attachmentDirectory(), *post);
        if (!attachments.good())
            return storeFailed(attachments.status(), again(input, {}, Text::Unavailable, 503));

        ServerStore::WebForm form;
        form.postId = signedForm->postId;
        form.departmentId = d.id;
        form.name = input.name.trimmed();
        form.email = input.email.trimmed();
        form.subject = input.subject.trimmed();
        form.message = input.message;
        form.language = language;
        form.ip = text(request.remoteAddress);
        form.attachments = std::move(*attachments);
        auto posted = m_store.submitForm(form, QDateTime::currentMSecsSinceEpoch());
        if (!posted.good())
            return storeFailed(posted.status(), again(input, {}, Text::Unavailable, 503));
        switch (posted->outcome) {
        case ServerStore::Posted::Accepted:
            break;
        case ServerStore::Posted::Limited: {
            logRefused("/form/{department}", "rate_limit");
            ApiResponse limited = again(input, {}, Text::RateLimited, 429);
            limited.retryAfterSeconds = 3600;
            return limited;
        }
        case ServerStore::Posted::NotFound:
        case ServerStore::Posted::Closed:
        case ServerStore::Posted::NotOpen:
            return CustomerPages::notFound(language);
        }
        if (posted->revision > 0 && m_config.revisionAdvanced)
            m_config.revisionAdvanced(posted->revision);
        LogRecord(LogLevel::Info, "web_form_ticket")
            .addInteger("ticket", posted->number)
            .addString("mailed", posted->mailed ? "yes" : "no")
            .write();
        return CustomerPages::thanks(look, posted->number, posted->mailed ? form.email : QString());
    }

    // The status page, with what the customer's last post came to.
    ApiResponse statusPage(const ApiRequest &request, const QString &token,
                           const ServerStore::StatusPage &page,
                           const CustomerPages::StatusFeedback &feedback, int status)
    {
        const QString language =
            pageLanguage(request, page.requesterLanguage, page.department.settings);
        return CustomerPages::status(lookOf(page.department, language, m_config.attachmentLimit),
                                     page, token, signForm(m_config.formKey, "answer", token),
                                     page.surveyOpen ? signForm(m_config.formKey, "rate", token)
                                                     : QString(),
                                     feedback, status);
    }

    // The feedback of one text in the page's language.
    static QString say(const ApiRequest &request, const ServerStore::StatusPage &page, Text t)
    {
        return CustomerTexts::text(
            t, pageLanguage(request, page.requesterLanguage, page.department.settings));
    }

    // The token's page, or the answer to give instead (not found, or the store failed).
    std::variant<ServerStore::StatusPage, ApiResponse> readPage(const ApiRequest &request,
                                                                const QString &token)
    {
        auto page = m_store.statusPage(token);
        if (!page.good())
            return storeFailed(request, page.status());
        if (!*page)
            return CustomerPages::notFound(pageLanguage(request, {}, {}));
        return std::move(**page);
    }

    ApiResponse showStatus(const ApiRequest &request)
    {
        const QString token = text(pathParameter(request.path));
        auto page = readPage(request, token);
        if (ApiResponse *answer = std::get_if<ApiResponse>(&page))
            return std::move(*answer);
        return statusPage(request, token, std::get<ServerStore::StatusPage>(page), {}, 200);
    }

    ApiResponse postAnswer(const ApiRequest &request)
    {
        const QString token = text(pathParameter(request.path));
        auto read = readPage(request, token);
        if (ApiResponse *answer = std::get_if<ApiResponse>(&read))
            return std::move(*answer);
        const ServerStore::StatusPage *page = &std::get<ServerStore::StatusPage>(read);
        const auto post = parsePost(request);
        const auto answerError = [&](Text error, const QString &draft, int status,
                                     QString filesError = {}) {
            QString why = error == Text::Count ? QString() : say(request, *page, error);
            if (error == Text::TooLong)
                why = why.arg(CustomerPages::kMaxMessageChars);
            // Files a refused post carried must be chosen again: browsers never fill them in.
            if (filesError.isEmpty() && post && !post->files.isEmpty())
                filesError = say(request, *page, Text::FilesAgain);
            return statusPage(request, token, *page, {{}, why, draft, {}, filesError}, status);
        };
        const auto refuse = [&](std::string_view reason, Text error, const QString &draft,
                                int status) {
            logRefused("/t/{token}", reason);
            return answerError(error, draft, status);
        };
        if (!post)
            return refuse("unreadable", Text::Unreadable, {}, 400);
        const QHash<QString, QString> *fields = &post->fields;
        const QString answer = fields->value(QStringLiteral("answer"));
        if (!sameOrigin(request, m_store.publicUrl(), {}))
            return refuse("origin", Text::FormExpired, answer, 403);
        const auto signedForm =
            verifyForm(m_config.formKey, "answer", token, fields->value(QStringLiteral("token")));
        if (!signedForm)
            return refuse("token", Text::FormExpired, answer, 400);
        if (signedForm->ageMs < m_config.minFillTime.count())
            return refuse("too_fast", Text::TooFast, answer, 400);
        if (answer.trimmed().isEmpty())
            return answerError(Text::AnswerEmpty, answer, 400);
        if (answer.size() > CustomerPages::kMaxMessageChars)
            return answerError(Text::TooLong, answer, 400);
        const QString language =
            pageLanguage(request, page->requesterLanguage, page->department.settings);
        if (const QString problem = filesProblem(*post, language); !problem.isEmpty())
            return answerError(Text::Count, answer, 400, problem);
        auto attachments = storeFiles(m_store.attachmentDirectory(), *post);
        if (!attachments.good())
            return storeFailed(attachments.status(), answerError(Text::Unavailable, answer, 503));

        auto posted = m_store.customerAnswer(token, signedForm->postId, answer, *attachments,
                                             text(request.remoteAddress),
                                             QDateTime::currentMSecsSinceEpoch());
        if (!posted.good())
            return storeFailed(posted.status(), answerError(Text::Unavailable, answer, 503));
        switch (posted->outcome) {
        case ServerStore::Posted::Accepted:
            break;
        case ServerStore::Posted::Limited: {
            ApiResponse limited = refuse("rate_limit", Text::RateLimited, answer, 429);
            limited.retryAfterSeconds = 3600;
            return limited;
        }
        case ServerStore::Posted::Closed:
        case ServerStore::Posted::NotOpen:
            return refuse("closed", Text::RequestClosed, answer, 409);
        case ServerStore::Posted::NotFound:
            return CustomerPages::notFound(pageLanguage(request, {}, {}));
        }
        if (posted->revision > 0 && m_config.revisionAdvanced)
            m_config.revisionAdvanced(posted->revision);
        // The page again, with the answer in its conversation.
        auto updated = readPage(request, token);
        if (ApiResponse *answer = std::get_if<ApiResponse>(&updated))
            return std::move(*answer);
        const auto &now = std::get<ServerStore::StatusPage>(updated);
        return statusPage(request, token, now,
                          {say(request, now, Text::AnswerAdded), {}, {}, {}, {}}, 200);
    }

    // GET /t/{token}/rate/{score}: the survey mail's one-click rating, then the page with its
    // rating form for a comment.
    ApiResponse rateByLink(const ApiRequest &request)
    {
        const std::string_view scoreText = pathParameter(request.path);
        std::string_view rest = request.path.substr(0, request.path.rfind('/'));
        rest = rest.substr(0, rest.rfind('/'));
        const QString token = text(pathParameter(rest));
        const int score = scoreText.size() == 1 && scoreText[0] >= '1' && scoreText[0] <= '5'
                              ? scoreText[0] - '0'
                              : 0;
        return rate(request, token, score, std::nullopt);
    }

    // POST /t/{token}/rate: the status page's rating form.
    ApiResponse rateByForm(const ApiRequest &request)
    {
        std::string_view rest = request.path.substr(0, request.path.rfind('/'));
        const QString token = text(pathParameter(rest));
        auto read = readPage(request, token);
        if (ApiResponse *answer = std::get_if<ApiResponse>(&read))
            return std::move(*answer);
        const ServerStore::StatusPage &page = std::get<ServerStore::StatusPage>(read);
        const auto refuse = [&](std::string_view reason, Text error, int status) {
            logRefused("/t/{token}/rate", reason);
            QString why = say(request, page, error);
            if (error == Text::TooLong)
                why = why.arg(CustomerPages::kMaxCommentChars);
            return statusPage(request, token, page, {{}, {}, {}, why, {}}, status);
        };
        const auto fields = parseForm(request);
        if (!fields)
            return refuse("unreadable", Text::Unreadable, 400);
        if (!sameOrigin(request, m_store.publicUrl(), {}))
            return refuse("origin", Text::FormExpired, 403);
        if (!verifyForm(m_config.formKey, "rate", token, fields->value(QStringLiteral("token"))))
            return refuse("token", Text::FormExpired, 400);
        const QString scoreText = fields->value(QStringLiteral("score"));
        const int score = scoreText.size() == 1 && scoreText[0] >= u'1' && scoreText[0] <= u'5'
                              ? scoreText.toInt()
                              : 0;
        if (score == 0)
            return refuse("no_score", Text::RatingMissing, 400);
        const QString comment = fields->value(QStringLiteral("comment")).trimmed();
        if (comment.size() > CustomerPages::kMaxCommentChars)
            return refuse("too_long", Text::TooLong, 400);
        return rate(request, token, score, comment);
    }

    ApiResponse rate(const ApiRequest &request, const QString &token, int score,
                     const std::optional<QString> &comment)
    {
        if (score == 0)
            return CustomerPages::notFound(pageLanguage(request, {}, {}));
        auto rated = m_store.rateTicket(token, score, comment, text(request.remoteAddress),
                                        QDateTime::currentMSecsSinceEpoch());
        if (!rated.good())
            return storeFailed(request, rated.status());
        auto read = readPage(request, token);
        if (ApiResponse *answer = std::get_if<ApiResponse>(&read))
            return std::move(*answer);
        const ServerStore::StatusPage &page = std::get<ServerStore::StatusPage>(read);
        CustomerPages::StatusFeedback feedback;
        int status = 200;
        switch (rated->outcome) {
        case ServerStore::Posted::Accepted:
            if (rated->revision > 0 && m_config.revisionAdvanced)
                m_config.revisionAdvanced(rated->revision);
            feedback.notice = comment ? say(request, page, Text::RatingSaved)
                                      : say(request, page, Text::RatingThanks).arg(score);
            break;
        case ServerStore::Posted::Limited:
            logRefused("/t/{token}/rate", "rate_limit");
            feedback.ratingError = say(request, page, Text::RateLimited);
            status = 429;
            break;
        case ServerStore::Posted::NotOpen:
        case ServerStore::Posted::Closed:
            logRefused("/t/{token}/rate", "not_open");
            feedback.notice = say(request, page, Text::SurveyNotOpen);
            status = 409;
            break;
        case ServerStore::Posted::NotFound:
            return CustomerPages::notFound(pageLanguage(request, {}, {}));
        }
        ApiResponse response = statusPage(request, token, page, feedback, status);
        if (status == 429)
            response.retryAfterSeconds = 3600;
        return response;
    }

    ApiResponse file(const ApiRequest &request)
    {
        // /t/{token}/files/{hash}
        const std::string_view hash = pathParameter(request.path);
        std::string_view rest = request.path.substr(0, request.path.rfind('/'));
        rest = rest.substr(0, rest.rfind('/'));
        const QString token = text(pathParameter(rest));
        if (!AttachmentFiles::isValidHash(hash))
            return CustomerPages::notFound(pageLanguage(request, {}, {}));
        auto attachment = m_store.statusPageAttachment(
            token, QString::fromLatin1(hash.data(), qsizetype(hash.size())));
        if (!attachment.good())
            return storeFailed(request, attachment.status());
        if (!*attachment)
            return CustomerPages::notFound(pageLanguage(request, {}, {}));
        ApiResponse response = attachmentFile(m_store, hash, **attachment, request.range);
        response.headers.emplace_back("Referrer-Policy", "no-referrer");
        return response;
    }

private:
    ServerStore &m_store;
    WebRoutesConfig m_config;
};

} // namespace

ApiResponse customerPostRefused(int status, std::string_view acceptLanguage,
                                std::uint64_t attachmentLimit)
{
    QString language = CustomerTexts::supported(CustomerTexts::acceptLanguages(acceptLanguage));
    if (language.isEmpty())
        language = QStringLiteral("en");
    if (status == 503)
        return CustomerPages::unavailable(language);
    const QString why = status == 413 ? filesTooLarge(language, attachmentLimit)
                                      : CustomerTexts::text(Text::Unreadable, language);
    return CustomerPages::refused(language, status, why);
}

bool customerPostTakesFiles(std::string_view path)
{
    for (const std::string_view prefix : {std::string_view("/form/"), std::string_view("/t/")}) {
        if (path.substr(0, prefix.size()) == prefix && path.size() > prefix.size() &&
            path.find('/', prefix.size()) == std::string_view::npos)
            return true;
    }
    return false;
}

void addCustomerRoutes(Router &router, ServerStore &store, WebRoutesConfig config)
{
    auto routes = std::make_shared<CustomerRoutes>(store, std::move(config));
    const auto add = [&](const char *method, const char *path,
                         ApiResponse (CustomerRoutes::*handler)(const ApiRequest &)) {
        router.add(method, path, [routes, handler](const ApiRequest &request) {
            return ((*routes).*handler)(request);
        });
    };
    router.add(
        "GET", CustomerPages::kStylesheetPath,
        [](const ApiRequest &) { return CustomerPages::stylesheet(); }, Router::Execution::Inline);
    add("GET", "/form/{department}", &CustomerRoutes::showForm);
    add("POST", "/form/{department}", &CustomerRoutes::postForm);
    add("GET", "/t/{token}", &CustomerRoutes::showStatus);
    add("POST", "/t/{token}", &CustomerRoutes::postAnswer);
    add("GET", "/t/{token}/files/{hash}", &CustomerRoutes::file);
    add("GET", "/t/{token}/rate/{score}", &CustomerRoutes::rateByLink);
    add("POST", "/t/{token}/rate", &CustomerRoutes::rateByForm);
}

} // namespace Pult
