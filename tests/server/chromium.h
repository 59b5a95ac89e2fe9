#pragma once

// Debian's Chromium for tests, headless, driven through its DevTools protocol over a WebSocket:
// open a page, run an expression in it, click, wait for the next page, take a screenshot. Only
// what the customer pages' browser test needs; every wait has a deadline.

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <optional>

namespace PultdTest {

class Chromium
{
public:
    ~Chromium()
    {
        // Closed the way it closes itself, so that its helper processes are gone with it before
        // the profile directory is removed.
        if (m_socket.state() == QAbstractSocket::ConnectedState)
            call(QStringLiteral("Browser.close"));
        m_socket.abort();
        if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    bool start()
    {
        const QString path = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (path.isEmpty())
            return fail(QStringLiteral("chromium is missing (packaging/dev/install-deps.sh "
                                       "installs Debian's chromium)"));
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(path, {QStringLiteral("--headless=new"), QStringLiteral("--no-sandbox"),
                               QStringLiteral("--disable-gpu"), QStringLiteral("--no-first-run"),
                               QStringLiteral("--hide-scrollbars"),
                               QStringLiteral("--window-size=900,1100"),
                               QStringLiteral("--remote-debugging-port=0"),
                               QStringLiteral("--user-data-dir=") + m_profile.path(),
                               QStringLiteral("about:blank")});
        // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID"
        static const QRegularExpression listening(
            QStringLiteral("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/"));
        QByteArray output;
        QRegularExpressionMatch match;
        if (!QTest::qWaitFor(
                [&] {
                    output += m_process.readAll();
                    match = listening.match(QString::fromUtf8(output));
                    return match.hasMatch() || m_process.state() == QProcess::NotRunning;
                },
                60000) ||
            !match.hasMatch())
            return fail(QStringLiteral("chromium did not start: ") + QString::fromUtf8(output));
        m_port = match.captured(1).toUShort();
        // The page target's WebSocket, from the HTTP endpoint's list of targets.
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(
            QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(m_port))));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
            return fail(QStringLiteral("no answer from /json/list"));
        QString target;
        for (const QJsonValue &t : QJsonDocument::fromJson(reply->readAll()).array()) {
            if (t.toObject().value(QLatin1String("type")).toString() == u"page")
                target = t.toObject().value(QLatin1String("webSocketDebuggerUrl")).toString();
        }
        reply->deleteLater();
        if (target.isEmpty())
            return fail(QStringLiteral("chromium has no page target"));
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &text) {
                             m_messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
                         });
        m_socket.open(QUrl(target));
        if (!QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::ConnectedState; },
                             10000))
            return fail(QStringLiteral("cannot connect to ") + target);
        return call(QStringLiteral("Page.enable")).has_value();
    }

    const QString &error() const { return m_error; }

    // A DevTools command's result; nullopt (with error() set) on an error or no answer.
    std::optional<QJsonObject> call(const QString &method, const QJsonObject &params = {})
    {
        const int id = ++m_lastId;
        m_socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                                        {QStringLiteral("method"), method},
                                                        {QStringLiteral("params"), params}})
                                  .toJson(QJsonDocument::Compact)));
        std::optional<QJsonObject> answer;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < m_messages.size(); ++i) {
                    if (m_messages[i].value(QLatin1String("id")).toInt() == id) {
                        answer = m_messages.takeAt(i);
                        return true;
                    }
                }
                return false;
            },
            30000);
        if (!answer) {
            m_error = method + QStringLiteral(": no answer");
            return std::nullopt;
        }
        if (answer->contains(QLatin1String("error"))) {
            m_error =
                method + QStringLiteral(": ") +
                QString::fromUtf8(QJsonDocument(answer->value(QLatin1String("error")).toObject())
                                      .toJson(QJsonDocument::Compact));
            return std::nullopt;
        }
        return answer->value(QLatin1String("result")).toObject();
    }

    // The value of a JavaScript expression in the page (DevTools runs it, whatever the page's
    // Content-Security-Policy says: the page itself may run no script).
    QJsonValue evaluate(const QString &expression)
    {
        const auto result =
            call(QStringLiteral("Runtime.evaluate"), {{QStringLiteral("expression"), expression},
                                                      {QStringLiteral("returnByValue"), true}});
        return result
                   ? result->value(QLatin1String("result")).toObject().value(QLatin1String("value"))
                   : QJsonValue();
    }

    // Opens the address and waits until the page has loaded.
    bool open(const QString &url)
    {
        m_messages.clear();
        if (!call(QStringLiteral("Page.navigate"), {{QStringLiteral("url"), url}}))
            return false;
        return waitForLoad();
    }

    // Clicks the element (a form's button, say) and waits for the page it leads to.
    bool clickAndWait(const QString &selector)
    {
        m_messages.clear();
        evaluate(QStringLiteral("document.querySelector(%1).click()")
                     .arg(QString::fromUtf8(QJsonDocument(QJsonArray{selector})
                                                .toJson(QJsonDocument::Compact)
                                                .chopped(1)
                                                .mid(1))));
        return waitForLoad();
    }

    // Types into a field by setting its value, as autofill does.
    void fill(const QString &id, const QString &value)
    {
        const QByteArray quoted =
            QJsonDocument(QJsonArray{id, value}).toJson(QJsonDocument::Compact);
        evaluate(QStringLiteral("(([id, v]) => { document.getElementById(id).value = v; })(%1)")
                     .arg(QString::fromUtf8(quoted)));
    }

    // Chooses files for the file input, as the file picker does.
    bool chooseFiles(const QString &selector, const QStringList &paths)
    {
        const auto document = call(QStringLiteral("DOM.getDocument"), {});
        if (!document)
            return false;
        const auto node = call(
            QStringLiteral("DOM.querySelector"),
            {{QStringLiteral("nodeId"),
              document->value(QLatin1String("root")).toObject().value(QLatin1String("nodeId"))},
             {QStringLiteral("selector"), selector}});
        return node && call(QStringLiteral("DOM.setFileInputFiles"),
                            {{QStringLiteral("files"), QJsonArray::fromStringList(paths)},
                             {QStringLiteral("nodeId"), node->value(QLatin1String("nodeId"))}});
    }

    QString text() { return evaluate(QStringLiteral("document.body.innerText")).toString(); }

    // A PNG of the page as it is shown, written to `file`.
    bool screenshot(const QString &file)
    {
        const auto shot = call(QStringLiteral("Page.captureScreenshot"),
                               {{QStringLiteral("format"), QStringLiteral("png")}});
        if (!shot)
            return false;
        QDir().mkpath(QFileInfo(file).path());
        QFile out(file);
        return out.open(QIODevice::WriteOnly) &&
               out.write(QByteArray::fromBase64(
                   shot->value(QLatin1String("data")).toString().toLatin1())) > 0;
    }

private:
    bool fail(const QString &error)
    {
        m_error = error;
        return false;
    }

    bool waitForLoad()
    {
        const bool loaded = QTest::qWaitFor(
            [&] {
                for (const QJsonObject &m : std::as_const(m_messages)) {
                    if (m.value(QLatin1String("method")).toString() == u"Page.loadEventFired")
                        return true;
                }
                return false;
            },
            30000);
        if (!loaded)
            m_error = QStringLiteral("the page did not load");
        return loaded;
    }

    QTemporaryDir m_profile;
    QProcess m_process;
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
    QString m_error;
    int m_lastId = 0;
    quint16 m_port = 0;
};

} // namespace PultdTest
