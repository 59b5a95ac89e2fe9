#include "settingverdict.h"

#include "localstore.h"
#include "syncengine.h"
#include "syncsession.h"

#include <QLabel>

namespace Pult {

SettingVerdict::SettingVerdict(LocalStore &store, SyncEngine *engine, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
{
    if (!m_engine)
        return;
    connect(m_engine, &SyncEngine::rejected, this, &SettingVerdict::onRejected);
    connect(m_engine, &SyncEngine::cacheChanged, this, &SettingVerdict::onCacheChanged);
    connect(m_engine, &SyncEngine::stateChanged, this, [this](const SyncEngine::State &state) {
        if (waiting() && state.kind == SyncEngine::State::Offline)
            Q_EMIT offline();
    });
}

bool SettingVerdict::hasEngine() const
{
    return !m_engine.isNull();
}

void SettingVerdict::follow(const QUuid &opId)
{
    m_op = opId;
    if (m_engine)
        m_engine->syncNow();
}

void SettingVerdict::onRejected(const Rejection &rejection)
{
    if (rejection.opId != m_op || m_op.isNull())
        return;
    m_op = {};
    Q_EMIT refused(rejection.message);
}

void SettingVerdict::onCacheChanged()
{
    if (m_op.isNull())
        return;
    auto outbox = m_store.outbox();
    if (!outbox.good() || std::any_of(outbox->cbegin(), outbox->cend(),
                                      [&](const OutboxOp &op) { return op.id == m_op; }))
        return; // not answered yet
    m_op = {};
    Q_EMIT applied();
}

std::optional<QString> refusalOf(const Result<QJsonObject> &answer)
{
    if (!answer.good())
        return answer.status().message();
    if (answer->value(QLatin1String("status")).toString() == u"applied")
        return std::nullopt;
    return answer->value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("message"))
        .toString();
}

void showState(QLabel *line, const QString &text, bool error)
{
    line->setText(text);
    line->setStyleSheet(error ? QStringLiteral("color: #b3261e") : QString());
}

} // namespace Pult
