#include "settingverdict.h"

#include "localstore.h"
#include "syncengine.h"
#include "syncsession.h"
#include "ticketactions.h"

#include <QLabel>

namespace Pult {

SettingVerdict::SettingVerdict(LocalStore &store, TicketActions &actions, SyncEngine *engine,
                               QLabel *stateLine, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_actions(actions)
    , m_engine(engine)
    , m_stateLine(stateLine)
{
    if (!m_engine)
        return;
    connect(m_engine, &SyncEngine::rejected, this, &SettingVerdict::onRejected);
    connect(m_engine, &SyncEngine::cacheChanged, this, &SettingVerdict::onCacheChanged);
    connect(m_engine, &SyncEngine::stateChanged, this, [this](const SyncEngine::State &state) {
        if (waiting() && state.kind == SyncEngine::State::Offline)
            showState(m_stateLine,
                      tr("Offline: the change waits and goes to the server when it is back."),
                      false);
    });
}

bool SettingVerdict::submit(const QJsonObject &op)
{
    auto id = m_actions.submitSetting(op);
    if (!id.good()) {
        showState(m_stateLine, id.status().message(), true);
        return false;
    }
    m_op = *id;
    if (m_engine)
        m_engine->syncNow();
    showState(m_stateLine, m_engine ? tr("Saving…") : tr("The change waits until you sign in."),
              false);
    return true;
}

void SettingVerdict::onRejected(const Rejection &rejection)
{
    if (rejection.opId != m_op || m_op.isNull())
        return;
    m_op = {};
    Q_EMIT refused();
    showState(m_stateLine, tr("The server refused the change: %1").arg(rejection.message), true);
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
    showState(m_stateLine, tr("Saved."), false);
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
