#include "composer.h"

#include "cannedresponsepicker.h"
#include "labels.h"
#include "localops.h"
#include "localstore.h"
#include "replycontext.h"
#include "syncsession.h"
#include "ticketactions.h"
#include "uuid.h"

#include <QButtonGroup>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Pult {

namespace {

constexpr int kDraftDelayMs = 400;

} // namespace

Composer::Composer(LocalStore &store, TicketActions &actions, const QString &home, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_actions(actions)
    , m_drafts(
          std::make_unique<QSettings>(home + QStringLiteral("/drafts.ini"), QSettings::IniFormat))
    , m_work(this, home)
{
    setObjectName(QStringLiteral("composer"));

    auto *reply = new QRadioButton(tr("&Reply"), this);
    reply->setObjectName(QStringLiteral("replyMode"));
    reply->setToolTip(tr("A reply the customer reads (R)"));
    auto *note = new QRadioButton(tr("Internal &note"), this);
    note->setObjectName(QStringLiteral("noteMode"));
    note->setToolTip(tr("A note only agents see (N)"));
    m_kindGroup = new QButtonGroup(this);
    m_kindGroup->addButton(reply, int(MessageKind::AgentReply));
    m_kindGroup->addButton(note, int(MessageKind::InternalNote));
    reply->setChecked(true);
    connect(m_kindGroup, &QButtonGroup::idClicked, this,
            [this](int id) { setKind(MessageKind(id)); });

    m_cannedButton = new QPushButton(tr("Canned response…"), this);
    m_cannedButton->setObjectName(QStringLiteral("cannedButton"));
    m_cannedButton->setToolTip(tr("Insert a canned response (Ctrl+Shift+I)"));
    connect(m_cannedButton, &QPushButton::clicked, this, &Composer::chooseCannedResponse);
    m_attachButton = new QPushButton(tr("Attach…"), this);
    m_attachButton->setObjectName(QStringLiteral("attachButton"));
    m_attachButton->setToolTip(tr("Attach files to the message"));
    connect(m_attachButton, &QPushButton::clicked, this, &Composer::addAttachment);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("composerText"));
    m_editor->setAccessibleName(tr("Message text"));
    m_editor->setTabChangesFocus(true);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            m_draftTimer->start();
        updateControls();
    });

    m_attachmentLabel = new QLabel(this);
    m_attachmentLabel->setObjectName(QStringLiteral("attachments"));
    m_attachmentLabel->setForegroundRole(QPalette::PlaceholderText);
    m_attachmentLabel->hide();
    m_frameLabel = new QLabel(this);
    m_frameLabel->setObjectName(QStringLiteral("replyFrame"));
    m_frameLabel->setForegroundRole(QPalette::PlaceholderText);
    m_frameLabel->hide();

    m_sendButton = new QToolButton(this);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setText(tr("Send"));
    m_sendButton->setToolTip(tr("Send (Ctrl+Enter)"));
    m_sendButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_sendButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_sendButton, &QToolButton::clicked, this, [this] { send(); });
    auto *sendMenu = new QMenu(m_sendButton);
    for (const TicketStatus status :
         {TicketStatus::Pending, TicketStatus::OnHold, TicketStatus::Solved}) {
        QAction *action = sendMenu->addAction(tr("Send and set %1").arg(Labels::status(status)));
        action->setObjectName(QStringLiteral("sendAnd-%1").arg(toString(status)));
        if (status == TicketStatus::Solved)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
        connect(action, &QAction::triggered, this, [this, status] { send(status); });
    }
    m_sendButton->setMenu(sendMenu);
    addActions(sendMenu->actions());

    auto *sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_editor);
    sendShortcut->setContext(Qt::WidgetShortcut);
    connect(sendShortcut, &QShortcut::activated, this, [this] { send(); });

    m_picker = new CannedResponsePicker(this);
    connect(m_picker, &CannedResponsePicker::chosen, this,
            [this](const CannedResponse &response) { insertCannedResponse(response); });

    m_draftTimer = new QTimer(this);
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(kDraftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this, &Composer::writeDraft);

    auto *top = new QHBoxLayout;
    top->addWidget(reply);
    top->addWidget(note);
    top->addStretch(1);
    top->addWidget(m_cannedButton);
    top->addWidget(m_attachButton);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_attachmentLabel, 1);
    bottom->addWidget(m_frameLabel);
    bottom->addStretch(0);
    bottom->addWidget(m_sendButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_editor, 1);
    layout->addLayout(bottom);
    setTicket({});
}

Composer::~Composer()
{
    saveDraft();
}

QString Composer::draftKey(MessageKind kind) const
{
    return QStringLiteral("%1/%2").arg(uuidToString(m_ticketId), toString(kind));
}

void Composer::writeDraft()
{
    m_draftTimer->stop();
    if (m_ticketId.isNull())
        return;
    const QString text = m_editor->toPlainText();
    if (text.trimmed().isEmpty())
        m_drafts->remove(draftKey(m_kind));
    else
        m_drafts->setValue(draftKey(m_kind), text);
    m_drafts->sync();
}

void Composer::saveDraft()
{
    if (m_draftTimer->isActive()) // typed since the last write
        writeDraft();
}

void Composer::loadDraft()
{
    const QSignalBlocker blocker(m_editor); // loading is not typing
    m_loading = true;
    m_editor->setPlainText(m_ticketId.isNull() ? QString()
                                               : m_drafts->value(draftKey(m_kind)).toString());
    m_editor->moveCursor(QTextCursor::End);
    m_loading = false;
    updateControls();
}

void Composer::setTicket(const QUuid &ticketId)
{
    if (ticketId == m_ticketId && !ticketId.isNull())
        return;
    saveDraft();
    m_ticketId = ticketId;
    m_attachments.clear();
    m_attachError.clear();
    showAttachments();
    // A ticket with a note in progress opens on the note.
    if (!ticketId.isNull()) {
        const bool noteOnly = !m_drafts->contains(draftKey(MessageKind::AgentReply)) &&
                              m_drafts->contains(draftKey(MessageKind::InternalNote));
        m_kind = noteOnly ? MessageKind::InternalNote : MessageKind::AgentReply;
        m_kindGroup->button(int(m_kind))->setChecked(true);
    }
    loadDraft();
    refreshReplyFrame();
    setEnabled(!ticketId.isNull());
}

void Composer::setKind(MessageKind kind)
{
    if (kind == m_kind)
        return;
    saveDraft();
    m_kind = kind;
    m_kindGroup->button(int(kind))->setChecked(true);
    loadDraft();
}

void Composer::startWriting(MessageKind kind)
{
    if (m_ticketId.isNull())
        return;
    setKind(kind);
    m_editor->setFocus(Qt::ShortcutFocusReason);
}

void Composer::updateControls()
{
    const bool reply = m_kind == MessageKind::AgentReply;
    m_editor->setPlaceholderText(reply ? tr("Write a reply to the customer…")
                                       : tr("Write an internal note for agents…"));
    // Notes look different from replies, in the palette's terms so dark schemes keep working.
    m_editor->setBackgroundRole(reply ? QPalette::Base : QPalette::ToolTipBase);
    m_editor->viewport()->setBackgroundRole(m_editor->backgroundRole());
    m_sendButton->setText(reply ? tr("Send reply") : tr("Add note"));
    const bool hasText = !m_editor->toPlainText().trimmed().isEmpty();
    m_sendButton->setEnabled(hasText);
    m_cannedButton->setEnabled(reply);
    m_frameLabel->setVisible(reply && !m_frameLabel->text().isEmpty());
}

void Composer::refreshReplyFrame()
{
    m_department = {};
    if (auto ticket = m_store.ticket(m_ticketId); ticket.good()) {
        if (auto department = ticketDepartment(m_store, *ticket); department.good())
            m_department = *department;
    }
    QStringList parts;
    if (!m_department.replyHeader.trimmed().isEmpty())
        parts.append(tr("the %1 header").arg(m_department.name));
    if (!m_department.replyFooter.trimmed().isEmpty())
        parts.append(tr("the %1 footer").arg(m_department.name));
    if (!m_signature.isEmpty())
        parts.append(tr("your signature"));
    const std::optional<TemplateContext> context = templateContext();
    m_frameLabel->setText(parts.isEmpty() || !context
                              ? QString()
                              : tr("Sent with %1.").arg(QLocale().createSeparatedList(parts)));
    // The tooltip shows the frame as the customer will see it.
    m_frameLabel->setToolTip(
        context ? frameReply(tr("[your reply]"), m_department, m_signature, *context) : QString());
    updateControls();
}

std::optional<TemplateContext> Composer::templateContext() const
{
    if (m_ticketId.isNull())
        return std::nullopt;
    auto ticket = m_store.ticket(m_ticketId);
    auto me = m_actions.me();
    if (!ticket.good() || !me.good())
        return std::nullopt;
    auto context = replyContext(m_store, *ticket, *me);
    if (!context.good())
        return std::nullopt;
    return *context;
}

void Composer::setSignature(const QString &signatureTemplate)
{
    m_signature = signatureTemplate.trimmed();
    refreshReplyFrame();
}

QString Composer::messageText() const
{
    const QString text = m_editor->toPlainText();
    if (m_kind != MessageKind::AgentReply)
        return text;
    const std::optional<TemplateContext> context = templateContext();
    if (!context)
        return text;
    auto ticket = m_store.ticket(m_ticketId); // its department now, not when it was opened
    auto department = ticket.good() ? ticketDepartment(m_store, *ticket) : ticket.status();
    return frameReply(text, department.good() ? *department : m_department, m_signature, *context);
}

bool Composer::insertCannedResponse(const CannedResponse &response)
{
    const std::optional<TemplateContext> context = templateContext();
    if (!context)
        return false;
    m_editor->insertPlainText(
        Pult::render(Template::parse(response.body), *context, TemplateFormat::PlainText));
    m_editor->setFocus(Qt::OtherFocusReason);
    return true;
}

void Composer::chooseCannedResponse()
{
    auto responses = m_store.cannedResponses();
    const std::optional<TemplateContext> context = templateContext();
    if (!responses.good() || !context)
        return;
    setKind(MessageKind::AgentReply);
    m_picker->setResponses(*responses, *context);
    m_picker->open();
    m_picker->searchField()->setFocus();
}

void Composer::addAttachment()
{
    attachFiles(QFileDialog::getOpenFileNames(this, tr("Attach files")));
}

void Composer::attachFiles(const QStringList &paths)
{
    m_attachError.clear();
    for (const QString &path : paths) {
        ++m_copying;
        m_work.run<CachedFile>(
            [path](SyncSession &session) { return session.attach(path); },
            [this, ticket = m_ticketId](const Result<CachedFile> &file) {
                --m_copying;
                if (ticket != m_ticketId) {
                    // written for another ticket, since left
                } else if (!file.good()) {
                    m_attachError = file.status().message();
                    Q_EMIT m_actions.failed(m_attachError);
                } else if (std::none_of(m_attachments.cbegin(), m_attachments.cend(),
                                        [&](const CachedFile &f) {
                                            return f.hash == file->hash && f.name == file->name;
                                        })) {
                    m_attachments.append(*file);
                }
                showAttachments();
                Q_EMIT attachmentsChanged();
            });
    }
    showAttachments();
}

void Composer::showAttachments()
{
    QStringList names;
    for (const CachedFile &file : std::as_const(m_attachments))
        names.append(tr("%1 (%2)").arg(file.name, QLocale().formattedDataSize(file.size)));
    QString text = names.isEmpty() ? QString() : tr("Attached: %1").arg(names.join(u", "));
    if (m_copying > 0)
        text = (text.isEmpty() ? QString() : text + u"  ") +
               tr("Attaching %n file(s)…", nullptr, m_copying);
    if (!m_attachError.isEmpty())
        text = (text.isEmpty() ? QString() : text + u"  ") + m_attachError;
    if (!m_transfer.isEmpty())
        text = (text.isEmpty() ? QString() : text + u"  ") + m_transfer;
    m_attachmentLabel->setText(text);
    m_attachmentLabel->setVisible(!text.isEmpty());
}

void Composer::showTransfer(const QString &text)
{
    m_transfer = text;
    showAttachments();
}

bool Composer::send(std::optional<TicketStatus> thenStatus)
{
    const QString text = m_editor->toPlainText();
    if (m_ticketId.isNull() || text.trimmed().isEmpty())
        return false;
    if (m_copying > 0) {
        Q_EMIT m_actions.failed(tr("The attached files are still being copied; send again in a "
                                   "moment"));
        return false;
    }
    const QUuid ticket = m_ticketId;
    if (!m_actions.addMessage(ticket, m_kind, messageText(), m_attachments))
        return false; // the text and its draft stay
    m_editor->clear();
    writeDraft();
    m_attachments.clear();
    m_attachError.clear();
    showAttachments();
    if (thenStatus)
        m_actions.setStatus({ticket}, *thenStatus);
    Q_EMIT sent(ticket);
    return true;
}

} // namespace Pult
