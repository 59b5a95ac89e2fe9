#include "router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

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
        const Pult::Router::Result result = r.dispatch({methodText, path, query, "{\"x\":1}"});
        QCOMPARE(result.response.status, status);
        QCOMPARE(QString::fromUtf8(result.route.data(), qsizetype(result.route.size())), route);
        QCOMPARE(QString::fromStdString(result.response.allow), allow);
        if (!errorCode.isEmpty()) {
            const QJsonObject error = errorOf(result.response);
            QCOMPARE(error.value(QLatin1String("code")).toString(), errorCode);
            QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
        }
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
        QCOMPARE(r.dispatch({"POST", path, query, "body"}).response.status, 200);
        QCOMPARE(QString::fromStdString(seen), QStringLiteral("a=1&b=2|body"));
    }

    void notFoundEchoesABoundedPath()
    {
        const Pult::Router r = router();
        const std::string longPath = "/" + std::string(5000, 'a');
        const Pult::ApiResponse response = r.dispatch({"GET", longPath, {}, {}}).response;
        QCOMPARE(response.status, 404);
        QVERIFY(response.body.size() < 400);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
