// pultd with --tls-cert and --tls-key: HTTPS and WSS on one port. The certificate is made at test
// time with the openssl command (the test is skipped without it) and trusted by the clients as
// their only CA: Qt's QSslSocket for HTTPS, Boost.Beast for the WebSocket, as tst_stream.cpp.

// The same Boost settings as pult_server.
#define BOOST_ASIO_NO_DEPRECATED
#define BOOST_BEAST_USE_STD_STRING_VIEW

#include "pultdprocess.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>

#include <chrono>
#include <functional>
#include <string>

#include <openssl/ssl.h>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;
using namespace PultdTest;

namespace {

const QByteArray kEmail = "ana@pult.example";
const QByteArray kPassword = "correct horse battery";

// One request over HTTPS, trusting only `caFile`; status -1 when no HTTP answer came.
HttpReply httpsRequest(quint16 port, const QString &caFile, const QByteArray &request,
                       QSsl::SslProtocol protocol = QSsl::SecureProtocols,
                       QString *protocolUsed = nullptr)
{
    HttpReply reply;
    reply.status = -1;
    QSslSocket socket;
    QSslConfiguration configuration = socket.sslConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromPath(caFile));
    configuration.setProtocol(protocol);
    socket.setSslConfiguration(configuration);
    QList<QSslError> errors;
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
                     [&errors](const QList<QSslError> &e) { errors += e; });
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
    if (!socket.waitForEncrypted(kTimeoutMs)) {
        qWarning() << "no TLS session:" << socket.errorString() << errors;
        return reply;
    }
    if (protocolUsed)
        *protocolUsed = QString::number(int(socket.sessionProtocol()));
    socket.write(request);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const qsizetype headEnd = received.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            const QList<QByteArray> lines = received.left(headEnd).split('\n');
            const qsizetype lengthAt = received.toLower().indexOf("content-length:");
            const qsizetype length =
                lengthAt < 0
                    ? 0
                    : received.mid(lengthAt + 15, received.indexOf('\r', lengthAt) - lengthAt - 15)
                          .trimmed()
                          .toLongLong();
            if (received.size() >= headEnd + 4 + length) {
                reply.status = lines.first().trimmed().split(' ').value(1).toInt();
                reply.body = received.mid(headEnd + 4, length);
                return reply;
            }
        }
        if (timer.elapsed() > kTimeoutMs || socket.state() != QAbstractSocket::ConnectedState)
            return reply;
        if (socket.waitForReadyRead(100))
            received += socket.readAll();
    }
}

// A WSS client: Beast's WebSocket over its TLS stream, run on its own io_context step by step.
class WssClient
{
public:
    explicit WssClient(const QString &caFile)
    {
        m_tls.load_verify_file(caFile.toStdString());
        m_tls.set_verify_mode(asio::ssl::verify_peer);
    }

    // Connects, does the TLS handshake (checking the name "localhost") and the upgrade.
    bool connect(quint16 port, const QByteArray &token)
    {
        const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
        auto &tlsStream = m_ws.next_layer();
        SSL_set_tlsext_host_name(tlsStream.native_handle(), "localhost");
        tlsStream.set_verify_callback(asio::ssl::host_name_verification("localhost"));
        m_ws.set_option(websocket::stream_base::decorator(
            [token = token.toStdString()](websocket::request_type &request) {
                request.set(beast::http::field::authorization, "Bearer " + token);
            }));
        beast::get_lowest_layer(m_ws).expires_after(15s);
        return step([&](auto done) {
                   beast::get_lowest_layer(m_ws).async_connect(endpoint, done);
               }) &&
               step([&](auto done) {
                   tlsStream.async_handshake(asio::ssl::stream_base::client, done);
               }) &&
               [&] {
                   beast::get_lowest_layer(m_ws).expires_never();
                   m_ws.set_option(
                       websocket::stream_base::timeout::suggested(beast::role_type::client));
                   return true;
               }() &&
               step([&](auto done) {
                   m_ws.async_handshake("localhost:" + std::to_string(port), "/api/v1/stream",
                                        done);
               });
    }

    // The next message, or "" when the connection ended (error() says why).
    std::string read()
    {
        m_buffer.clear();
        std::string text;
        const bool ok = step([&](auto done) {
            m_ws.async_read(m_buffer,
                            [done](const beast::error_code &ec, std::size_t) { done(ec); });
        });
        return ok ? beast::buffers_to_string(m_buffer.data()) : text;
    }

    beast::error_code error() const { return m_error; }
    websocket::close_reason closeReason() const { return m_ws.reason(); }

private:
    // Starts one asynchronous operation and runs until it completes (15 s at most).
    bool step(const std::function<void(std::function<void(const beast::error_code &)>)> &start)
    {
        bool finished = false;
        m_error = {};
        start([this, &finished](const beast::error_code &ec) {
            m_error = ec;
            finished = true;
        });
        m_ioc.restart();
        const auto deadline = std::chrono::steady_clock::now() + 15s;
        while (!finished && std::chrono::steady_clock::now() < deadline)
            m_ioc.run_one_for(50ms);
        return finished && !m_error;
    }

    asio::io_context m_ioc;
    asio::ssl::context m_tls{asio::ssl::context::tls_client};
    websocket::stream<beast::ssl_stream<beast::tcp_stream>> m_ws{m_ioc, m_tls};
    beast::flat_buffer m_buffer;
    beast::error_code m_error;
};

QByteArray loginRequest()
{
    const QByteArray body = R"({"email":")" + kEmail + R"(","password":")" + kPassword + R"("})";
    return "POST /api/v1/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;

    QStringList tlsArguments() const
    {
        return {QStringLiteral("--tls-cert"), m_certificate, QStringLiteral("--tls-key"), m_key};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("the openssl command is not installed: it makes the test's certificate");
        QVERIFY(m_dir.isValid());
        m_certificate = m_dir.filePath(QStringLiteral("cert.pem"));
        m_key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess process;
        process.start(
            openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                      QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                      QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                      QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
                      QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-keyout"),
                      m_key, QStringLiteral("-out"), m_certificate});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY(QFile::exists(m_certificate) && QFile::exists(m_key));
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
    }

    void httpsAndPlainHttpOnTheSamePort()
    {
        Pultd pultd;
        QVERIFY(pultd.start(tlsArguments()));
        QVERIFY(pultd.waitForLog("\"scheme\":\"https\""));

        const HttpReply health = httpsRequest(pultd.port(), m_certificate, get("/healthz"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QLatin1String("status")).toString(), QStringLiteral("ok"));

        // TLS 1.2 is accepted too (1.3 is what QSslSocket picks by itself).
        QString protocol;
        QCOMPARE(
            httpsRequest(pultd.port(), m_certificate, get("/healthz"), QSsl::TlsV1_2, &protocol)
                .status,
            200);
        QCOMPARE(protocol, QString::number(int(QSsl::TlsV1_2)));

        // Plain HTTP to the TLS port: no HTTP answer, the connection is closed, it is logged.
        Connection plain;
        QVERIFY(plain.open(pultd.port()));
        QVERIFY(plain.send(get("/healthz")));
        QVERIFY(!plain.read().has_value());
        QVERIFY(pultd.waitForLog("\"event\":\"tls_handshake_failed\""));

        // ... and the server carries on.
        QCOMPARE(httpsRequest(pultd.port(), m_certificate, get("/healthz")).status, 200);
        QCOMPARE(pultd.terminate(), 0);
    }

    void wssStreamAndSigterm()
    {
        Pultd pultd;
        const Run added = addAgent(pultd.dataDir(), QString::fromLatin1(kEmail),
                                   QStringLiteral("agent"), QStringLiteral("Billing"), kPassword);
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(pultd.start(tlsArguments()));

        const HttpReply login = httpsRequest(pultd.port(), m_certificate, loginRequest());
        QCOMPARE(login.status, 200);
        const QByteArray token = login.json().value(QLatin1String("token")).toString().toLatin1();
        QVERIFY(!token.isEmpty());

        WssClient client(m_certificate);
        QVERIFY2(client.connect(pultd.port(), token), client.error().message().c_str());
        QCOMPARE(client.read(), std::string(R"({"revision":0})"));
        QVERIFY(pultd.waitForLog("\"event\":\"stream_opened\""));

        // SIGTERM: the server closes the stream with 1001 (over TLS) and exits with 0.
        pultd.process().terminate();
        QCOMPARE(client.read(), std::string());
        QVERIFY2(client.error() == websocket::error::closed, client.error().message().c_str());
        QCOMPARE(static_cast<int>(client.closeReason().code), 1001); // going away
        QCOMPARE(pultd.waitForExit(), 0);
        QVERIFY(pultd.waitForLog("\"reason\":\"shutdown\""));
    }

    void startupErrors()
    {
        QTemporaryDir data;
        const QStringList base{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                               QStringLiteral("--data"), data.path()};

        const Run missingKey =
            runPultd(base + QStringList{QStringLiteral("--tls-cert"), m_certificate,
                                        QStringLiteral("--tls-key"),
                                        m_dir.filePath(QStringLiteral("missing.pem"))});
        QCOMPARE(missingKey.exitCode, 1);
        QVERIFY2(missingKey.err.contains("cannot read the TLS private key"),
                 missingKey.err.constData());
        QVERIFY(missingKey.out.isEmpty());

        // The certificate where the key should be: not a key.
        const Run notAKey =
            runPultd(base + QStringList{QStringLiteral("--tls-cert"), m_certificate,
                                        QStringLiteral("--tls-key"), m_certificate});
        QCOMPARE(notAKey.exitCode, 1);
        QVERIFY2(notAKey.err.contains("cannot load the TLS private key"), notAKey.err.constData());

        const Run certOnly =
            runPultd(base + QStringList{QStringLiteral("--tls-cert"), m_certificate});
        QCOMPARE(certOnly.exitCode, 2);
        QVERIFY2(certOnly.err.contains("--tls-cert and --tls-key go together"),
                 certOnly.err.constData());
    }

    void configFile()
    {
        // The TLS settings from a file, the port from the command line.
        const QString file = m_dir.filePath(QStringLiteral("pultd.conf"));
        QFile config(file);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            "# pultd over TLS\n\nlisten = 127.0.0.1:1\ntls-cert = " + m_certificate.toUtf8() +
            "\ntls-key = " + m_key.toUtf8() + "  # no passphrase\nbody-limit = 4096\n");
        config.close();
        Pultd pultd;
        QVERIFY(pultd.start({QStringLiteral("--config"), file}));
        QVERIFY(pultd.waitForLog("\"body_limit\":4096"));
        QCOMPARE(httpsRequest(pultd.port(), m_certificate, get("/healthz")).status, 200);
        QCOMPARE(pultd.terminate(), 0);

        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write("listen = 127.0.0.1:0\nprot = 8743\n");
        config.close();
        const Run bad = runPultd({QStringLiteral("--config"), file, QStringLiteral("--data"),
                                  m_dir.filePath(QStringLiteral("data"))});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("pultd.conf:2: unknown setting 'prot'"), bad.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
