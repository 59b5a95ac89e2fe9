#pragma once

// Writing to a ticket: a reply to the customer or an internal note, with canned responses
// (placeholders filled in for this ticket), attachments, and "send and set status". What is
// typed is saved as a draft a moment after each change, per ticket and kind, in the profile
// directory (drafts.ini), so it survives switching tickets, closing the window and a crash.

#include "attachmentcache.h"
#include "domain.h"
#include "sessionwork.h"
#include "template.h"

#include <QUuid>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QTimer;
class QToolButton;

namespace Pult {

class CannedResponsePicker;
class LocalStore;
class TicketActions;

class Composer : public QWidget
{
    Q_OBJECT

public:
    // store and actions outlive the composer; home is the profile directory (drafts live there).
    Composer(LocalStore &store, TicketActions &actions, const QString &home,
             QWidget *parent = nullptr);
    ~Composer() override;

    // Saves the draft being written and shows the one of this ticket (a null id disables the
    // composer).
    void setTicket(const QUuid &ticketId);
    QUuid ticket() const { return m_ticketId; }

    MessageKind kind() const { return m_kind; }
    void setKind(MessageKind kind);
    // Switches to a reply or a note and puts the cursor in the text.
    void startWriting(MessageKind kind);

    // Inserts a canned response at the cursor, its placeholders rendered for this ticket.
    bool insertCannedResponse(const CannedResponse &response);
    // Opens the canned-response picker for this ticket.
    void chooseCannedResponse();

    // The agent's signature, a template (docs/templates.md) rendered for the ticket and added
    // under every reply (not notes); empty for none.
    void setSignature(const QString &signatureTemplate);
    QString signature() const { return m_signature; }
    // What send() queues for the text being written: a reply goes out framed by its
    // department's header and footer and the signature (frameReply in replycontext.h).
    QString messageText() const;
    // Reads the ticket's department again (its header and footer), e.g. after it changed.
    void refreshReplyFrame();

    // Queues the message (and then the status, if given), clears the text and its draft.
    // Refuses while attached files are still being copied.
    bool send(std::optional<TicketStatus> thenStatus = std::nullopt);

    // Attaches files to the message being written: each is copied into the profile's
    // attachment cache off the UI thread (what is sent is what was attached, whatever happens
    // to the original later); a file over the server's limit is refused at once.
    void attachFiles(const QStringList &paths);
    QList<CachedFile> attachments() const { return m_attachments; }
    bool attaching() const { return m_copying > 0; }
    // What is being uploaded ("Uploading photo.jpg: 12 MB of 30 MB"), under the text; empty
    // when nothing is.
    void showTransfer(const QString &text);

    // Writes the draft now if it changed since the last write (also done a moment after every
    // change, on switching tickets and on close).
    void saveDraft();

    QPlainTextEdit *editor() const { return m_editor; }
    CannedResponsePicker *picker() const { return m_picker; }

Q_SIGNALS:
    void sent(const QUuid &ticketId);
    // A file was attached or could not be (attachments() and the label show the list).
    void attachmentsChanged();

private:
    QString draftKey(MessageKind kind) const;
    // What placeholders render with for this ticket and agent; nullopt without a ticket.
    std::optional<TemplateContext> templateContext() const;
    void writeDraft();
    void loadDraft();
    void updateControls();
    void addAttachment();
    void showAttachments();

    LocalStore &m_store;
    TicketActions &m_actions;
    std::unique_ptr<QSettings> m_drafts;
    QUuid m_ticketId;
    MessageKind m_kind = MessageKind::AgentReply;
    bool m_loading = false;
    QList<CachedFile> m_attachments; // copied into the attachment cache
    int m_copying = 0;               // files being copied into it
    QString m_attachError;           // why the last file could not be attached
    QString m_transfer;              // an upload under way (showTransfer)
    QString m_signature;
    Department m_department;        // of the ticket being answered
    QLabel *m_frameLabel = nullptr; // says what frames the reply

    QButtonGroup *m_kindGroup = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_attachmentLabel = nullptr;
    QToolButton *m_sendButton = nullptr;
    QPushButton *m_cannedButton = nullptr;
    QPushButton *m_attachButton = nullptr;
    QTimer *m_draftTimer = nullptr;
    CannedResponsePicker *m_picker = nullptr;
    SessionWork m_work; // copies attached files into the cache; last, so it ends first
};

} // namespace Pult
