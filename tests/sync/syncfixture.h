#pragma once

// What the sync tests share: pultctl run as a real process on a home directory of its own, and
// the comparison of a client's cache with the server's state of the same tickets.

#include "localstore.h"
#include "pultdprocess.h"
#include "uuid.h"
#include "wire.h"

#include <QJsonArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace PultSyncTest {

using PultdTest::kTimeoutMs;

inline const QByteArray kPassword = "a long enough password";

class Client
{
public:
    QString home() const { return m_home.path(); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PULT_CREDENTIALS"), QStringLiteral("file"));
        return env;
    }

    // Starts pultctl --home HOME ARGS without waiting (to kill it part way).
    void start(QProcess &process, const QStringList &args, const QByteArray &input = {}) const
    {
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(PULTCTL_PATH),
                      QStringList{QStringLiteral("--home"), home()} + args);
        if (process.waitForStarted(kTimeoutMs)) {
            process.write(input);
            process.closeWriteChannel();
        }
    }

    PultdTest::Run run(const QStringList &args, const QByteArray &input = {}) const
    {
        QProcess process;
        start(process, args, input);
        if (!process.waitForFinished(120'000)) {
            process.kill();
            process.waitForFinished(kTimeoutMs);
            return {-1, {}, "did not exit"};
        }
        PultdTest::Run r{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                         process.readAllStandardOutput(), process.readAllStandardError()};
        if (r.exitCode != 0)
            qInfo().noquote() << "pultctl" << args.join(u' ') << "→" << r.exitCode
                              << QString::fromUtf8(r.out + r.err).trimmed();
        return r;
    }

    bool login(quint16 port, const QString &email) const
    {
        return run({QStringLiteral("login"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                    email},
                   kPassword + '\n')
                   .exitCode == 0;
    }

    std::unique_ptr<Pult::LocalStore> store() const
    {
        auto s = Pult::LocalStore::open(home() + QStringLiteral("/cache.db"),
                                        Pult::LocalStore::Mode::ReadOnly);
        return s.good() ? std::move(*s) : nullptr;
    }

private:
    QTemporaryDir m_home;
};

// Null, "" and absent mean the same ("no category"); "revision" is the feed's, not the entity's.
inline QJsonObject normalised(QJsonObject o)
{
    o.remove(QStringLiteral("revision"));
    for (auto it = o.begin(); it != o.end();) {
        if (it.value().isNull() || it.value() == QJsonValue(QString()))
            it = o.erase(it);
        else
            ++it;
    }
    return o;
}

// Entities in time order, ties by id: the cache and the server may order simultaneous ones apart.
inline QJsonArray sortedBy(const QList<QJsonObject> &entities, const char *timeKey)
{
    QList<QJsonObject> list;
    for (const QJsonObject &o : entities)
        list.append(normalised(o));
    std::stable_sort(list.begin(), list.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const QString ta = a.value(QLatin1String(timeKey)).toString();
        const QString tb = b.value(QLatin1String(timeKey)).toString();
        return ta != tb ? ta < tb
                        : a.value(QLatin1String("id")).toString() <
                              b.value(QLatin1String("id")).toString();
    });
    QJsonArray out;
    for (const QJsonObject &x : std::as_const(list))
        out.append(x);
    return out;
}

// A ticket as a client's cache holds it: {"ticket", "messages", "history"} as the server's
// GET /api/v1/tickets/{id} answers, so that the two compare field by field.
inline QJsonObject cachedTicket(Pult::LocalStore &store, const QUuid &id)
{
    auto ticket = store.ticket(id);
    if (!ticket.good())
        return {};
    QList<QJsonObject> messages, history;
    const auto storedMessages = store.messages(id);
    const auto storedHistory = store.history(id);
    for (const Pult::Message &m : storedMessages.value())
        messages.append(Pult::Wire::toJson(m));
    for (const Pult::HistoryEvent &e : storedHistory.value())
        history.append(Pult::Wire::toJson(e));
    return {{QStringLiteral("ticket"), normalised(Pult::Wire::toJson(*ticket))},
            {QStringLiteral("messages"), sortedBy(messages, "created")},
            {QStringLiteral("history"), sortedBy(history, "time")}};
}

// The same from the server.
inline QJsonObject serverTicket(PultdTest::Pultd &server, const QByteArray &token, const QUuid &id)
{
    const auto reply = server.fetch(PultdTest::apiRequest(
        "GET", "/api/v1/tickets/" + Pult::uuidToString(id).toLatin1(), token));
    if (!reply || reply->status != 200)
        return {};
    const QJsonObject o = reply->json();
    const auto list = [&](const char *key) {
        QList<QJsonObject> l;
        for (const QJsonValue &v : o.value(QLatin1String(key)).toArray())
            l.append(v.toObject());
        return l;
    };
    return {{QStringLiteral("ticket"), normalised(o.value(QLatin1String("ticket")).toObject())},
            {QStringLiteral("messages"), sortedBy(list("messages"), "created")},
            {QStringLiteral("history"), sortedBy(list("history"), "time")}};
}

// The id of the department of that name, as pultd lists it to the token's agent; empty if none.
inline QString departmentId(PultdTest::Pultd &server, const QByteArray &token, const QString &name)
{
    const auto reply = server.fetch(PultdTest::apiRequest("GET", "/api/v1/departments", token));
    for (const QJsonValue &v :
         reply ? reply->json().value(QLatin1String("departments")).toArray() : QJsonArray()) {
        if (v.toObject().value(QLatin1String("name")).toString() == name)
            return v.toObject().value(QLatin1String("id")).toString();
    }
    return {};
}

inline QByteArray login(PultdTest::Pultd &server, const QString &email)
{
    const auto reply = server.fetch(PultdTest::apiRequest(
        "POST", "/api/v1/login", {},
        QJsonDocument(QJsonObject{{QStringLiteral("email"), email},
                                  {QStringLiteral("password"), QString::fromLatin1(kPassword)}})
            .toJson(QJsonDocument::Compact)));
    return reply ? reply->json().value(QLatin1String("token")).toString().toLatin1() : QByteArray();
}

} // namespace PultSyncTest
