#pragma once

// pultd's IMAP client (RFC 3501 with IDLE, MOVE, UIDPLUS, LITERAL+, SASL-IR) for fetching a
// department's mailbox. It looks synchronous: every call blocks the calling thread until the
// server has answered, the call's deadline has passed or interrupt() was called. One client
// belongs to one thread (one dedicated thread per mailbox); only interrupt() and
// resetInterrupt() may be called from other threads. Inside, each client drives its own private
// Boost.Asio io_context with timed runs, so no call can wait longer than its deadline.
//
// Errors are Status values with a message a person can act on; after a network, TLS or protocol
// error (and after an interrupted command) the connection is closed, connected() is false and
// the code is Unreachable: the caller reconnects (its own backoff policy). A NO or BAD answer to
// a command leaves the connection usable: NotFound for a missing folder ([NONEXISTENT],
// [TRYCREATE]), Busy for [UNAVAILABLE], [INUSE], [LIMIT] and [SERVERBUG], else Invalid; a
// refused login is Unauthenticated. The client never logs, and no message it makes contains a
// password.
//
// Limits against a hostile or broken server: a line (outside literals) longer than
// maxLineBytes, a literal announced larger than maxLiteralBytes, a response larger than both
// together, silence longer than `timeout` and a call longer than `callTimeout` end the
// connection with an error before any of that is read into memory.

#include "status.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <cstdint>
#include <memory>

namespace Pult {

enum class ImapSecurity {
    Plain,       // no TLS at all (tests, or a server on the same host)
    StartTls,    // plain port (143) upgraded with STARTTLS before logging in; refused without it
    ImplicitTls, // TLS from the first byte (imaps, 993)
};

// A mailbox as given to `pultd mailbox add --imap imap[s]://USER@HOST:PORT/FOLDER`.
struct ImapEndpoint
{
    ImapSecurity security = ImapSecurity::ImplicitTls; // imaps: ImplicitTls; imap: Plain
    QString user;                                      // percent-decoded (%40 is '@')
    QString host;                                      // a name or an address, without []
    quint16 port = 993;                                // 993 for imaps, 143 for imap by default
    QString folder = QStringLiteral("INBOX");          // percent-decoded; INBOX when empty

    // Parses the URL form; a password in the URL, a query or a fragment is refused (passwords
    // come on standard input). imap:// gives security Plain: the caller turns it into StartTls
    // when asked to (--starttls).
    static Result<ImapEndpoint> parse(const QString &url);
};

struct ImapMailboxState
{
    quint32 uidValidity = 0;
    quint32 uidNext = 0; // 0 when the server did not say
    quint32 exists = 0;
};

struct ImapIdleResult
{
    enum Reason {
        Changed,     // the server reported EXISTS, RECENT or EXPUNGE
        TimedOut,    // maxWait passed without news
        Interrupted, // interrupt() was called
    };
    Reason reason = TimedOut;
    quint32 exists = 0; // the message count last reported by the server
};

class ImapClient
{
public:
    struct Options
    {
        QString host;
        quint16 port = 993;
        ImapSecurity security = ImapSecurity::ImplicitTls;
        // PEM file with the certificates to trust instead of the system's trust store.
        QString caFile;
        // Tests only: accept any certificate for any name. Never set it for a real mailbox.
        bool insecureSkipVerify = false;
        // Connecting, and any wait for the server's next bytes (silence).
        std::chrono::milliseconds timeout{30000};
        // The whole of one call (connect(), a fetch of a large message, ...).
        std::chrono::milliseconds callTimeout{10 * 60 * 1000};
        qint64 maxLineBytes = 8 * 1024 * 1024;
        qint64 maxLiteralBytes = 64 * 1024 * 1024;
        // Tests only: capabilities to treat as not advertised (e.g. "MOVE", "AUTH=PLAIN") to
        // exercise the fallbacks.
        QList<QByteArray> ignoredCapabilities;
    };

    explicit ImapClient(Options options);
    ~ImapClient();
    ImapClient(const ImapClient &) = delete;
    ImapClient &operator=(const ImapClient &) = delete;

    // Connects (TCP, TLS or STARTTLS with certificate and host name checks), reads the greeting
    // and the capabilities. A connection still open is closed first.
    Status connect();
    // AUTHENTICATE PLAIN where advertised, else LOGIN. Unauthenticated when the server refuses.
    Status login(const QString &user, const QString &password);
    // SELECT (read-write). NotFound when the folder does not exist (or the server refuses it
    // without saying why); Busy when the server says it is unavailable for now.
    Result<ImapMailboxState> select(const QString &folder);
    // UID SEARCH with raw criteria in IMAP syntax (ASCII, e.g. "ALL", "UNSEEN"), sorted.
    Result<QList<quint32>> uidSearch(const QByteArray &criteria);
    // The UIDs >= firstUid in the selected folder, sorted (UID firstUid:*, without the highest
    // UID the server adds when firstUid is above every message's UID).
    Result<QList<quint32>> uidsFrom(quint32 firstUid);
    // UID FETCH uid BODY.PEEK[]: the message's bytes exactly as stored; NotFound if none.
    Result<QByteArray> fetchMessage(quint32 uid);
    // UID STORE uid +FLAGS.SILENT (flag), e.g. "\\Seen" or a keyword.
    Status addFlag(quint32 uid, const QByteArray &flag = QByteArrayLiteral("\\Seen"));
    // UID MOVE where the server has MOVE, else UID COPY, \Deleted and UID EXPUNGE (UIDPLUS), or
    // EXPUNGE without UIDPLUS (which also removes other messages already marked \Deleted).
    Status move(quint32 uid, const QString &folder);
    // Marks \Deleted and expunges it: UID EXPUNGE with UIDPLUS, else EXPUNGE (which also
    // removes other messages already marked \Deleted).
    Status remove(quint32 uid);
    // CREATE; a folder that already exists is fine.
    Status createFolder(const QString &folder);
    // APPEND with the given flags ("\\Seen \\Flagged" or empty); the new message's UID when the
    // server says (UIDPLUS), else 0.
    Result<quint32> append(const QString &folder, const QByteArray &message,
                           const QByteArray &flags = {});
    // IDLE until the server reports news, maxWait passes or interrupt() is called, then DONE.
    // Servers drop idle clients after 30 minutes: keep maxWait at or below 29 minutes and call
    // again. Invalid when the server has no IDLE: then poll with noop().
    Result<ImapIdleResult> idle(std::chrono::milliseconds maxWait);
    // NOOP; true when the server reported EXISTS, RECENT or EXPUNGE meanwhile.
    Result<bool> noop();
    // LOGOUT and close; the connection is closed even when the server does not answer.
    Status logout();
    // Closes the connection without a word to the server.
    void disconnect();

    // Thread-safe. Makes the running call (and every later one, until resetInterrupt()) return
    // promptly: an IDLE ends with DONE and reason Interrupted, any other call closes the
    // connection and fails with interrupted() true.
    void interrupt();
    void resetInterrupt();
    bool interrupted() const;

    bool connected() const;
    bool hasCapability(const QByteArray &capability) const; // case-insensitive
    QList<QByteArray> capabilities() const;                 // upper case
    const Options &options() const;

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

// The delays between a mailbox thread's reconnection attempts: first, twice that, ... up to max,
// each shortened by up to a fifth at random so that mailboxes that failed together do not retry
// in step. reset() once a session has worked (logged in and selected).
class ImapBackoff
{
public:
    explicit ImapBackoff(std::chrono::milliseconds first = std::chrono::seconds(1),
                         std::chrono::milliseconds max = std::chrono::minutes(5));
    std::chrono::milliseconds next();
    void reset();

private:
    std::chrono::milliseconds m_first;
    std::chrono::milliseconds m_max;
    std::chrono::milliseconds m_next;
};

// Modified UTF-7 (RFC 3501 5.1.3), the form of folder names on the wire.
QByteArray imapEncodeMailboxName(const QString &name);
QString imapDecodeMailboxName(const QByteArray &name);

} // namespace Pult
