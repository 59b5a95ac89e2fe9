#include "logrecord.h"
#include "multipart.h"
#include "router.h"
#include "webroutes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryFile>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <limits>
#include <unistd.h>

class TestRouter : public QObject
{
    Q_OBJECT

    static Pult::Router router()
    {
        Pult::Router r;
        r.add("GET", "/healthz",
              [](const Pult::ApiRequest &) { return Pult::ApiResponse::json(200, "{}"); });
        r.add("POST", "/echo", [](const Pult::ApiRequest &request) {
            return Pult::ApiResponse::json(201, std::string(request.body));
        });
        r.add("PUT", "/echo",
              [](const Pult::ApiRequest &) { return Pult::ApiResponse::json(200, "{}"); });
        return r;
    }

    static QJsonObject errorOf(const Pult::ApiResponse &response)
    {
        return QJsonDocument::fromJson(QByteArray::fromStdString(response.body))
            .object()
            .value(QLatin1String("error"))
            .toObject();
    }

private Q_SLOTS:
    void dispatch_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("route");     // empty: no route matched
        QTest::addColumn<QString>("errorCode"); // empty: no error body
        QTest::addColumn<QString>("allow");

        const QString none;
        const auto s = [](const char *text) { return QString::fromUtf8(text); };
        QTest::newRow("get") << s("GET") << s("/healthz") << 200 << s("/healthz") << none << none;
        QTest::newRow("query is not the path")
            << s("GET") << s("/healthz?verbose=1") << 200 << s("/healthz") << none << none;
        QTest::newRow("head answered by get")
            << s("HEAD") << s("/healthz") << 200 << s("/healthz") << none << none;
        QTest::newRow("wrong method") << s("POST") << s("/healthz") << 405 << s("/healthz")
                                      << s("method_not_allowed") << s("GET, HEAD");
        QTest::newRow("methods are case-sensitive")
            << s("get") << s("/healthz") << 405 << s("/healthz") << s("method_not_allowed")
            << s("GET, HEAD");
        QTest::newRow("several methods") << s("DELETE") << s("/echo") << 405 << s("/echo")
                                         << s("method_not_allowed") << s("POST, PUT");
        QTest::newRow("second method")
            << s("POST") << s("/echo") << 201 << s("/echo") << none << none;
        QTest::newRow("unknown path")
            << s("GET") << s("/nope") << 404 << none << s("not_found") << none;
        QTest::newRow("trailing slash is another path")
            << s("GET") << s("/healthz/") << 404 << none << s("not_found") << none;
        QTest::newRow("asterisk") << s("OPTIONS") << s("*") << 404 << none << s("not_found")
                                  << none;
    }

    void dispatch()
    {
        QFETCH(QString, method);
        QFETCH(QString, target);
        QFETCH(int, status);
        QFETCH(QString, route);
        QFETCH(QString, errorCode);
        QFETCH(QString, allow);

        const Pult::Router r = router();
        const std::string methodText = method.toStdString();
        const std::string targetText = target.toStdString();
        const auto [path, query] = Pult::splitTarget(targetText);
        const Pult::Router::Result result =
            r.dispatch({methodText, path, query, "{\"x\":1}", {}, {}});
        QCOMPARE(result.response.status, status);
        QCOMPARE(QString::fromUtf8(result.route.data(), qsizetype(result.route.size())), route);
        QCOMPARE(QString::fromStdString(result.response.allow), allow);
        if (!errorCode.isEmpty()) {
            const QJsonObject error = errorOf(result.response);
            QCOMPARE(error.value(QLatin1String("code")).toString(), errorCode);
            QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
        }
    }

    void pathParametersMatchOneSegment()
    {
        Pult::Router r;
        r.add("GET", "/api/v1/tickets/{id}", [](const Pult::ApiRequest &request) {
            return Pult::ApiResponse::json(200, std::string(Pult::pathParameter(request.path)));
        });
        const auto dispatch = [&](std::string_view path) {
            return r.dispatch({"GET", path, {}, {}, {}, {}});
        };
        const Pult::Router::Result hit = dispatch("/api/v1/tickets/abc-1");
        QCOMPARE(hit.response.status, 200);
        QCOMPARE(QString::fromStdString(hit.response.body), QStringLiteral("abc-1"));
        QCOMPARE(QString::fromUtf8(hit.route.data(), qsizetype(hit.route.size())),
                 QStringLiteral("/api/v1/tickets/{id}")); // logs name the pattern, not the id
        for (const char *miss : {"/api/v1/tickets", "/api/v1/tickets/", "/api/v1/tickets/a/b",
                                 "/api/v1/ticket/a", "/api/v1/tickets//"})
            QVERIFY2(dispatch(miss).response.status == 404, miss);
        QCOMPARE(Pult::pathParameter("/x/y"), std::string_view("y"));
    }

    // match() names the handler and where it runs without running it: the server runs worker
    // handlers on its pool, inline ones on the network thread.
    void matchSaysWhereTheHandlerRuns()
    {
        Pult::Router r;
        int calls = 0;
        const auto handler = [&calls](const Pult::ApiRequest &) {
            ++calls;
            return Pult::ApiResponse::json(200, "{}");
        };
        r.add("GET", "/slow", handler);
        r.add("GET", "/fast", handler, Pult::Router::Execution::Inline);
        const Pult::Router::Match slow = r.match({"GET", "/slow", {}, {}, {}, {}});
        QVERIFY(slow.handler);
        QVERIFY(slow.execution == Pult::Router::Execution::Worker);
        const Pult::Router::Match fast = r.match({"HEAD", "/fast", {}, {}, {}, {}});
        QVERIFY(fast.handler);
        QVERIFY(fast.execution == Pult::Router::Execution::Inline);
        QCOMPARE(calls, 0);
        QCOMPARE((*slow.handler)({"GET", "/slow", {}, {}, {}, {}}).status, 200);
        QCOMPARE(calls, 1);

        const Pult::Router::Match wrongMethod = r.match({"POST", "/slow", {}, {}, {}, {}});
        QVERIFY(!wrongMethod.handler);
        QCOMPARE(wrongMethod.response.status, 405);
        QCOMPARE(QString::fromStdString(wrongMethod.response.allow), QStringLiteral("GET, HEAD"));
        const Pult::Router::Match none = r.match({"GET", "/none", {}, {}, {}, {}});
        QVERIFY(!none.handler);
        QCOMPARE(none.response.status, 404);
        QVERIFY(none.route.empty());
    }

    void handlerSeesBodyAndQuery()
    {
        Pult::Router r;
        std::string seen;
        r.add("POST", "/t", [&seen](const Pult::ApiRequest &request) {
            seen = std::string(request.query) + "|" + std::string(request.body);
            return Pult::ApiResponse::json(200, "{}");
        });
        const auto [path, query] = Pult::splitTarget("/t?a=1&b=2");
        QCOMPARE(r.dispatch({"POST", path, query, "body", {}, {}}).response.status, 200);
        QCOMPARE(QString::fromStdString(seen), QStringLiteral("a=1&b=2|body"));
    }

    void notFoundEchoesABoundedPath()
    {
        const Pult::Router r = router();
        const std::string longPath = "/" + std::string(5000, 'a');
        const Pult::ApiResponse response = r.dispatch({"GET", longPath, {}, {}, {}, {}}).response;
        QCOMPARE(response.status, 404);
        QVERIFY(response.body.size() < 400);
    }

    // The error body is compact JSON of exactly this shape; quotes and backslashes are escaped.
    void errorBodyShape()
    {
        const Pult::ApiResponse response =
            Pult::ApiResponse::error(404, "not_found", "no \"x\" at a\\b");
        QCOMPARE(response.status, 404);
        QCOMPARE(QByteArray::fromStdString(response.body),
                 QByteArray("{\"error\":{\"code\":\"not_found\","
                            "\"message\":\"no \\\"x\\\" at a\\\\b\"}}"));
    }

    // Whatever bytes a client puts in its path (control characters, invalid UTF-8), the echoed
    // path keeps the error body valid JSON: controls escaped, invalid bytes as U+FFFD.
    void errorBodyIsValidJsonForAnyPath_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("echoed");
        const QString fffd(QChar(0xFFFD));
        QTest::newRow("controls") << QByteArray("/a\b\f\n\r\t\x01\x1f\x7f\0z", 12)
                                  << QStringLiteral("/a\b\f\n\r\t\x01\x1f\x7f") + QChar(0) +
                                         QLatin1Char('z');
        QTest::newRow("utf-8 passes")
            << QByteArray("/\xC5\x81\xC3\xB3"
                          "d\xC5\xBA\xF0\x9F\x93\xA8")
            << (QStringLiteral("/") + QString::fromUtf8("\xC5\x81\xC3\xB3"
                                                        "d\xC5\xBA\xF0\x9F\x93\xA8"));
        QTest::newRow("invalid lead byte")
            << QByteArray("/a\xFFz") << QStringLiteral("/a") + fffd + QLatin1Char('z');
        QTest::newRow("lone continuation") << QByteArray("/\x80") << QStringLiteral("/") + fffd;
        QTest::newRow("truncated at end") << QByteArray("/\xC5") << QStringLiteral("/") + fffd;
    }

    void errorBodyIsValidJsonForAnyPath()
    {
        QFETCH(QByteArray, path);
        QFETCH(QString, echoed);
        const Pult::Router r = router();
        const Pult::ApiResponse response =
            r.dispatch({"GET",
                        std::string_view(path.constData(), std::size_t(path.size())),
                        {},
                        {},
                        {},
                        {}})
                .response;
        QCOMPARE(response.status, 404);
        const QByteArray body = QByteArray::fromStdString(response.body);
        QVERIFY2(QString::fromUtf8(body).toUtf8() == body, body.toHex().constData()); // valid UTF-8
        for (const char c : body)
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20, body.toHex().constData()); // escaped
        QJsonParseError error;
        const QJsonObject object =
            QJsonDocument::fromJson(body, &error).object().value(QLatin1String("error")).toObject();
        QVERIFY2(error.error == QJsonParseError::NoError, body.toHex().constData());
        QCOMPARE(object.value(QLatin1String("message")).toString(),
                 QStringLiteral("no resource at ") + echoed);
    }

    // A log record is one line of JSON: controls escaped, invalid UTF-8 as U+FFFD, numbers that
    // JSON cannot hold as null. (LogRecord writes to stderr, so stderr is redirected here.)
    void logRecordIsOneLineOfJson()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        std::fflush(stderr);
        const int savedStderr = ::dup(STDERR_FILENO);
        QVERIFY(savedStderr >= 0);
        QVERIFY(::dup2(file.handle(), STDERR_FILENO) >= 0);
        Pult::LogRecord(Pult::LogLevel::Warning, "test")
            .addString("text", std::string_view("a\"b\\c\n\t\x01\0\xFF\xC5z", 12))
            .addInteger("negative", -7)
            .addInteger("big", std::numeric_limits<std::int64_t>::max())
            .addDecimal("duration_ms", 1.23456, 3)
            .addDecimal("nan", std::nan(""), 3)
            .addDecimal("inf", std::numeric_limits<double>::infinity(), 3)
            .addNull("route")
            .write();
        std::fflush(stderr);
        ::dup2(savedStderr, STDERR_FILENO);
        ::close(savedStderr);

        QVERIFY(file.seek(0));
        const QByteArray log = file.readAll();
        QVERIFY2(log.endsWith('\n') && log.count('\n') == 1, log.constData());
        for (const char c : log.chopped(1))
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20, log.toHex().constData());
        QJsonParseError error;
        const QJsonObject record = QJsonDocument::fromJson(log, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, log.constData());
        QCOMPARE(record.value(QLatin1String("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(record.value(QLatin1String("event")).toString(), QStringLiteral("test"));
        QVERIFY(!record.value(QLatin1String("time")).toString().isEmpty());
        QCOMPARE(record.value(QLatin1String("text")).toString(),
                 QStringLiteral("a\"b\\c\n\t\x01") + QChar(0) + QChar(0xFFFD) + QChar(0xFFFD) +
                     QLatin1Char('z'));
        QCOMPARE(record.value(QLatin1String("negative")).toInteger(), -7);
        QCOMPARE(record.value(QLatin1String("big")).toInteger(),
                 std::numeric_limits<qint64>::max());
        QVERIFY(log.contains(R"("duration_ms":1.235,)"));
        QVERIFY(log.contains(R"("nan":null)"));
        QVERIFY(log.contains(R"("inf":null)"));
        QVERIFY(log.contains(R"("route":null)"));
    }

    // Random bytes in the path never break the JSON.
    void arbitraryBytesGiveValidJson()
    {
        const Pult::Router r = router();
        QRandomGenerator random(20240517);
        for (int round = 0; round < 2000; ++round) {
            QByteArray bytes(random.bounded(1, 40), Qt::Uninitialized);
            for (char &b : bytes)
                b = static_cast<char>(random.bounded(256));
            const Pult::ApiResponse response =
                r.dispatch({"GET",
                            std::string_view(bytes.constData(), std::size_t(bytes.size())),
                            {},
                            {},
                            {},
                            {}})
                    .response;
            QJsonParseError error;
            const QJsonDocument document =
                QJsonDocument::fromJson(QByteArray::fromStdString(response.body), &error);
            QVERIFY2(error.error == QJsonParseError::NoError, bytes.toHex().constData());
            QVERIFY(document.isObject());
        }
    }

    // multipart/form-data as browsers send it: fields and files found in place.
    void multipartBoundary()
    {
        using Pult::Multipart::boundaryOf;
        QCOMPARE(boundaryOf("multipart/form-data; boundary=----WebKitFormBoundaryAb12"),
                 std::optional<std::string>("----WebKitFormBoundaryAb12"));
        QCOMPARE(boundaryOf("Multipart/Form-Data;boundary=\"a b\""),
                 std::optional<std::string>("a b"));
        QVERIFY(!boundaryOf("multipart/form-data"));
        QVERIFY(!boundaryOf("multipart/form-data; boundary="));
        QVERIFY(!boundaryOf("application/x-www-form-urlencoded"));
        QVERIFY(!boundaryOf("multipart/mixed; boundary=x"));
        QVERIFY(!boundaryOf("multipart/form-data; boundary=" + std::string(71, 'x')));
    }

    void multipartParts()
    {
        const std::string body = "preamble\r\n--XyZ\r\n"
                                 "Content-Disposition: form-data; name=\"answer\"\r\n\r\n"
                                 "Line one\r\nline two\r\n"
                                 "--XyZ\r\n"
                                 "Content-Disposition: form-data; name=\"files\"; "
                                 "filename=\"C:\\scans\\re%22port%22.pdf\"\r\n"
                                 "Content-Type: application/pdf\r\n\r\n"
                                 "%PDF\r\n--XyZnot a delimiter\r\n"
                                 "--XyZ\r\n"
                                 "Content-Disposition: form-data; name=\"files\"; filename=\"\"\r\n"
                                 "Content-Type: application/octet-stream\r\n\r\n"
                                 "\r\n--XyZ--\r\nepilogue";
        const auto parts = Pult::Multipart::parse(body, "XyZ");
        QVERIFY(parts);
        QCOMPARE(parts->size(), std::size_t(3));
        const auto content = [&](const Pult::Multipart::Part &p) {
            return body.substr(p.offset, p.length);
        };
        QCOMPARE((*parts)[0].name, std::string("answer"));
        QVERIFY(!(*parts)[0].filename);
        QCOMPARE(content((*parts)[0]), std::string("Line one\r\nline two"));
        QCOMPARE((*parts)[1].filename, std::optional<std::string>("C:\\scans\\re\"port\".pdf"));
        QCOMPARE((*parts)[1].contentType, std::string("application/pdf"));
        QCOMPARE(content((*parts)[1]), std::string("%PDF\r\n--XyZnot a delimiter"));
        QCOMPARE((*parts)[2].filename, std::optional<std::string>(""));
        QCOMPARE((*parts)[2].length, std::uint64_t(0));
    }

    void malformedMultipart_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray field = "Content-Disposition: form-data; name=\"a\"\r\n\r\nvalue";
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no delimiter") << QByteArray("just text");
        QTest::newRow("not closed") << "--B\r\n" + field;
        QTest::newRow("no blank line") << QByteArray("--B\r\nContent-Disposition: form-data; "
                                                     "name=\"a\"\r\nvalue\r\n--B--");
        QTest::newRow("no disposition")
            << QByteArray("--B\r\nContent-Type: text/plain\r\n\r\nvalue\r\n--B--");
        QTest::newRow("no name") << QByteArray(
            "--B\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--B--");
        QTest::newRow("not form-data") << QByteArray(
            "--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nvalue\r\n--B--");
        QTest::newRow("header without colon") << QByteArray("--B\r\nbogus\r\n\r\nvalue\r\n--B--");
        QTest::newRow("headers too long")
            << "--B\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: " +
                   QByteArray(9000, 'x') + "\r\n\r\nvalue\r\n--B--";
        QTest::newRow("no line end after delimiter") << "--Bjunk" + field + "\r\n--B--";
        QByteArray many;
        for (int i = 0; i < 65; ++i)
            many += "--B\r\n" + field + "\r\n";
        QTest::newRow("too many parts") << many + "--B--";
    }

    void malformedMultipart()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!Pult::Multipart::parse(
            std::string_view(body.constData(), std::size_t(body.size())), "B"));
    }

    // Random bytes never crash the parser, and what it finds lies inside the body.
    void arbitraryMultipart()
    {
        QRandomGenerator random(7);
        const std::string pieces[] = {"--B",
                                      "\r\n",
                                      "\r\n\r\n",
                                      "Content-Disposition: form-data; name=\"a\"",
                                      "; filename=\"f\"",
                                      "x",
                                      "--",
                                      "\""};
        for (int round = 0; round < 2000; ++round) {
            std::string body;
            const int n = random.bounded(1, 30);
            for (int i = 0; i < n; ++i)
                body += pieces[random.bounded(int(std::size(pieces)))];
            if (const auto parts = Pult::Multipart::parse(body, "B")) {
                for (const auto &p : *parts)
                    QVERIFY(p.offset + p.length <= body.size());
            }
        }
    }

    void customerPostsThatTakeFiles()
    {
        QVERIFY(Pult::customerPostTakesFiles("/form/support"));
        QVERIFY(Pult::customerPostTakesFiles("/t/abcDEF"));
        QVERIFY(!Pult::customerPostTakesFiles("/t/abc/rate"));
        QVERIFY(!Pult::customerPostTakesFiles("/t/"));
        QVERIFY(!Pult::customerPostTakesFiles("/form/"));
        QVERIFY(!Pult::customerPostTakesFiles("/api/v1/ops"));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
