#include "credentials.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <qt6keychain/keychain.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Pult {

namespace {

constexpr int KeychainTimeoutMs = 5000;

QString serviceName()
{
    return QStringLiteral("Pult");
}

// ---- The keychain ----

struct KeychainReply
{
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data;
};

// One job's answer, shared between the keychain thread and the caller waiting for it. Shared so
// that a caller that gave up waiting leaves nothing dangling for the job to write into.
struct PendingJob
{
    QMutex mutex;
    QWaitCondition finished;
    std::optional<KeychainReply> reply;
};

// Set after a job did not answer in time: Automatic then stops asking for the rest of the process.
std::atomic<bool> keychainHung{false};

// QtKeychain 0.13 runs every job through one process-wide JobExecutor that is not thread-safe and
// belongs to the thread that first used it. Once that thread has ended, the executor never hears
// that a later job finished and every job after that waits forever (seen on 0.13.2: a job from a
// second QThread hangs). So all jobs run here, on one thread that lives as long as the process,
// and callers on any thread wait for the answer on a condition variable, without an event loop.
QObject *keychainContext()
{
    static QObject *const context = [] {
        // Never destroyed: destroying a running QThread aborts, and it may be needed until exit.
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("Pult keychain"));
        thread->start();
        auto *object = new QObject;
        object->moveToThread(thread);
        return object;
    }();
    return context;
}

enum class Operation { Read, Write, Delete };

// The job's answer, or nullopt when none came within KeychainTimeoutMs.
std::optional<KeychainReply> runKeychainJob(Operation operation, const QString &account,
                                            const QByteArray &data = {})
{
    auto pending = std::make_shared<PendingJob>();
    QMetaObject::invokeMethod(
        keychainContext(),
        [pending, operation, account, data] {
            QKeychain::Job *job = nullptr;
            switch (operation) {
            case Operation::Read:
                job = new QKeychain::ReadPasswordJob(serviceName());
                break;
            case Operation::Write: {
                auto *write = new QKeychain::WritePasswordJob(serviceName());
                write->setBinaryData(data);
                job = write;
                break;
            }
            case Operation::Delete:
                job = new QKeychain::DeletePasswordJob(serviceName());
                break;
            }
            job->setAutoDelete(true);
            job->setKey(account);
            QObject::connect(job, &QKeychain::Job::finished, job, [pending](QKeychain::Job *j) {
                KeychainReply reply{j->error(), j->errorString(), {}};
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
                    reply.data = read->binaryData();
                QMutexLocker lock(&pending->mutex);
                pending->reply = std::move(reply);
                pending->finished.wakeAll();
            });
            job->start();
        },
        Qt::QueuedConnection);

    QDeadlineTimer deadline(KeychainTimeoutMs);
    QMutexLocker lock(&pending->mutex);
    while (!pending->reply) {
        if (!pending->finished.wait(&pending->mutex, deadline))
            break;
    }
    if (!pending->reply) {
        keychainHung = true;
        return std::nullopt;
    }
    return std::move(pending->reply);
}

// Errors that mean "there is no usable keychain here", after which Automatic uses the file.
bool meansNoKeychain(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::AccessDenied:
        return true;
    default:
        return false;
    }
}

const char *errorName(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return "NoError";
    case QKeychain::EntryNotFound:
        return "EntryNotFound";
    case QKeychain::CouldNotDeleteEntry:
        return "CouldNotDeleteEntry";
    case QKeychain::AccessDeniedByUser:
        return "AccessDeniedByUser";
    case QKeychain::AccessDenied:
        return "AccessDenied";
    case QKeychain::NoBackendAvailable:
        return "NoBackendAvailable";
    case QKeychain::NotImplemented:
        return "NotImplemented";
    case QKeychain::OtherError:
        return "OtherError";
    }
    return "unknown";
}

QString keychainProblem(const std::optional<KeychainReply> &reply)
{
    if (!reply)
        return QStringLiteral("the keychain did not answer within %1 s")
            .arg(KeychainTimeoutMs / 1000);
    // QtKeychain 0.13 says just "Unknown error" for OtherError, so the code name goes along.
    QString problem = QStringLiteral("QtKeychain %1").arg(QLatin1String(errorName(reply->error)));
    if (!reply->errorString.isEmpty() && reply->errorString != QLatin1String("Unknown error"))
        problem += QStringLiteral(": ") + reply->errorString;
    return problem;
}

// ---- The file ----

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString modeText(mode_t mode)
{
    return QStringLiteral("0%1").arg(uint(mode & 07777), 3, 8, QLatin1Char('0'));
}

using Accounts = QJsonObject; // account → base64(token)

// The accounts in the file, empty when there is no file.
Result<Accounts> readFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    // O_NOFOLLOW: a symlink planted in the home must not redirect us to someone else's file.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return Accounts();
        return Status(Status::IoError,
                      QStringLiteral("Cannot open %1: %2").arg(path, errnoText(error)));
    }
    struct FdCloser
    {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};

    struct stat st;
    if (::fstat(fd, &st) != 0)
        return Status(Status::IoError,
                      QStringLiteral("Cannot inspect %1: %2").arg(path, errnoText(errno)));
    if (!S_ISREG(st.st_mode))
        return Status(Status::IoError,
                      QStringLiteral("%1 is not a regular file; refusing to use it.").arg(path));
    // As ssh does with private keys: a file others could read has leaked the token, one others
    // could write may hold a token planted for us. Neither is trusted nor silently repaired.
    if (st.st_uid != ::geteuid())
        return Status(Status::IoError,
                      QStringLiteral("%1 belongs to another user (uid %2); refusing to use it. "
                                     "Delete it and sign in again.")
                          .arg(path)
                          .arg(st.st_uid));
    if ((st.st_mode & 077) != 0)
        return Status(Status::IoError,
                      QStringLiteral("Permissions %1 for %2 are too open: the sign-in tokens in it "
                                     "must be readable only by you, so it is not used. Delete it "
                                     "and sign in again (or chmod 600 it if you are sure no one "
                                     "else has read or changed it).")
                          .arg(modeText(st.st_mode), path));

    QByteArray bytes;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Status(Status::IoError,
                          QStringLiteral("Cannot read %1: %2").arg(path, errnoText(errno)));
        if (n == 0)
            break;
        bytes.append(buffer, n);
    }

    const QString corrupt =
        QStringLiteral("%1 is damaged (%2); delete it and sign in again.").arg(path);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Status(Status::Corrupt, corrupt.arg(parseError.errorString()));
    if (!document.isObject())
        return Status(Status::Corrupt, corrupt.arg(QStringLiteral("not a JSON object")));
    const Accounts accounts = document.object();
    for (auto it = accounts.begin(); it != accounts.end(); ++it) {
        const auto decoded = QByteArray::fromBase64Encoding(
            it.value().toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!it.value().isString() || !decoded || decoded.decoded.isEmpty())
            return Status(
                Status::Corrupt,
                corrupt.arg(QStringLiteral("the entry for \"%1\" is not a token").arg(it.key())));
    }
    return accounts;
}

Status writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Status(errno == ENOSPC || errno == EDQUOT ? Status::DiskFull : Status::IoError,
                          errnoText(errno));
        done += n;
    }
    return {};
}

// Replaces the file with the given accounts, or removes it when there are none. The new content
// goes to a temporary file created with mode 0600 (mkstemp uses O_CREAT|O_EXCL), so the token is
// never on disk with wider permissions, and is fsync'd before the rename makes it the file.
Status writeFile(const QString &path, const Accounts &accounts)
{
    const QByteArray native = QFile::encodeName(path);
    if (accounts.isEmpty()) {
        if (::unlink(native.constData()) != 0 && errno != ENOENT)
            return Status(Status::IoError,
                          QStringLiteral("Cannot remove %1: %2").arg(path, errnoText(errno)));
        return {};
    }

    QByteArray temp = native + ".XXXXXX";
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0)
        return Status(
            errno == ENOSPC || errno == EDQUOT ? Status::DiskFull : Status::IoError,
            QStringLiteral("Cannot create a file next to %1: %2").arg(path, errnoText(errno)));
    const auto fail = [&](const QString &what, Status::Code code = Status::IoError) {
        ::close(fd);
        ::unlink(temp.constData());
        return Status(code, QStringLiteral("Cannot write %1: %2").arg(path, what));
    };
    // mkstemp already uses 0600; fchmod says so explicitly, whatever the C library's habits.
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0)
        return fail(errnoText(errno));
    const Status written =
        writeAll(fd, QJsonDocument(accounts).toJson(QJsonDocument::Compact) + '\n');
    if (!written.good())
        return fail(written.message(), written.code());
    if (::fsync(fd) != 0)
        return fail(errnoText(errno));
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return Status(Status::IoError,
                      QStringLiteral("Cannot write %1: %2").arg(path, errnoText(error)));
    }
    if (::rename(temp.constData(), native.constData()) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return Status(Status::IoError,
                      QStringLiteral("Cannot replace %1: %2").arg(path, errnoText(error)));
    }
    // The rename itself is durable only once the directory is synced.
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int dirFd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

// Serialises read-modify-write of the file between processes sharing a home.
class FileLock
{
public:
    explicit FileLock(const QString &path)
        : m_lock(path + QStringLiteral(".lock"))
    {
        m_lock.setStaleLockTime(30000);
    }
    Status acquire()
    {
        if (m_lock.tryLock(KeychainTimeoutMs))
            return {};
        return Status(
            Status::Busy,
            QStringLiteral("Another process holds %1 for too long.").arg(m_lock.fileName()));
    }

private:
    QLockFile m_lock;
};

Result<QByteArray> loadFromFile(const QString &path, const QString &account)
{
    const Result<Accounts> accounts = readFile(path);
    if (!accounts.good())
        return accounts.status();
    const QJsonValue value = accounts->value(account);
    if (!value.isString())
        return Status(Status::NotFound,
                      QStringLiteral("No sign-in token is stored for %1.").arg(account));
    return QByteArray::fromBase64(value.toString().toLatin1());
}

Status storeInFile(const QString &path, const QString &account, const QByteArray &token)
{
    FileLock lock(path);
    if (Status s = lock.acquire(); !s.good())
        return s;
    Result<Accounts> accounts = readFile(path);
    if (!accounts.good())
        return accounts.status();
    accounts->insert(account, QString::fromLatin1(token.toBase64()));
    return writeFile(path, *accounts);
}

Status forgetInFile(const QString &path, const QString &account)
{
    if (!QFileInfo::exists(path) && !QFileInfo(path).isSymLink())
        return {};
    FileLock lock(path);
    if (Status s = lock.acquire(); !s.good())
        return s;
    Result<Accounts> accounts = readFile(path);
    if (!accounts.good())
        return accounts.status();
    if (!accounts->contains(account))
        return {};
    accounts->remove(account);
    return writeFile(path, *accounts);
}

} // namespace

CredentialStore::CredentialStore(QString home, Backend backend)
    : m_backend(backend)
    , m_home(std::move(home))
{
    if (m_backend != Backend::Automatic)
        return;
    const QString choice = qEnvironmentVariable("PULT_CREDENTIALS");
    if (choice == QLatin1String("file")) {
        m_backend = Backend::File;
    } else if (choice == QLatin1String("keychain")) {
        m_backend = Backend::Keychain;
    } else if (!choice.isEmpty()) {
        m_setup = Status(Status::Invalid,
                         QStringLiteral("PULT_CREDENTIALS must be \"file\" or \"keychain\", not "
                                        "\"%1\".")
                             .arg(choice));
    }
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    // The keychain is a D-Bus service here. Without a session bus there is none to ask, and
    // asking anyway would let libdbus autolaunch a bus (dbus-launch) when DISPLAY is set.
    if (m_backend == Backend::Automatic && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        m_fileReason = QStringLiteral("DBUS_SESSION_BUS_ADDRESS is not set");
#endif
}

QString CredentialStore::filePath() const
{
    return m_home + QStringLiteral("/credentials");
}

QString CredentialStore::notice() const
{
    return m_notice;
}

Status CredentialStore::store(const QString &account, const QByteArray &token)
{
    m_notice.clear();
    if (!m_setup.good())
        return m_setup;
    if (account.isEmpty())
        return Status(Status::Invalid, QStringLiteral("A sign-in token needs an account name."));
    if (token.isEmpty())
        return Status(Status::Invalid,
                      QStringLiteral("The sign-in token for %1 is empty.").arg(account));

    QString reason; // why the token goes to the file
    if (m_backend == Backend::File) {
        reason = QStringLiteral("the file store was chosen");
    } else if (m_backend == Backend::Automatic && !m_fileReason.isEmpty()) {
        reason = m_fileReason;
    } else if (m_backend == Backend::Automatic && keychainHung) {
        reason = QStringLiteral("the keychain did not answer earlier");
    } else {
        const std::optional<KeychainReply> reply = runKeychainJob(Operation::Write, account, token);
        if (reply && reply->error == QKeychain::NoError) {
            // A copy left in the file by an earlier fallback would outlive a later forget() of
            // the keychain entry by another program; the keychain copy is now the one to use.
            const Status removed = forgetInFile(filePath(), account);
            if (!removed.good())
                qWarning("Pult: the keychain now holds the sign-in token, but the older copy in "
                         "the file stays: %s",
                         qPrintable(removed.message()));
            return {};
        }
        if (m_backend == Backend::Keychain || (reply && !meansNoKeychain(reply->error)))
            return Status(Status::IoError,
                          QStringLiteral("Cannot keep the sign-in token for %1: %2.")
                              .arg(account, keychainProblem(reply)));
        reason = keychainProblem(reply);
    }

    if (Status s = storeInFile(filePath(), account, token); !s.good())
        return s;

    // Told once per home: a marker next to the file survives this process.
    const QString marker = filePath() + QStringLiteral(".noticed");
    if (!QFileInfo::exists(marker)) {
        QFile file(marker);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            qWarning("Pult: cannot create %s: %s", qPrintable(marker),
                     qPrintable(file.errorString()));
        if (m_backend == Backend::File)
            m_notice = QStringLiteral("The sign-in token is kept in %1, readable only by you.")
                           .arg(QDir::toNativeSeparators(filePath()));
        else
            m_notice = QStringLiteral("No keychain service is running (%1); the sign-in token is "
                                      "kept in %2, readable only by you.")
                           .arg(reason, QDir::toNativeSeparators(filePath()));
    }
    return {};
}

Result<QByteArray> CredentialStore::load(const QString &account)
{
    if (!m_setup.good())
        return m_setup;
    std::optional<Status> keychainError;
    const bool askKeychain =
        m_backend == Backend::Keychain ||
        (m_backend == Backend::Automatic && m_fileReason.isEmpty() && !keychainHung);
    if (askKeychain) {
        const std::optional<KeychainReply> reply = runKeychainJob(Operation::Read, account);
        if (reply && reply->error == QKeychain::NoError)
            return reply->data;
        // In Automatic, a keychain that is not there holds nothing; anything else is reported
        // when the file has no token either.
        const bool nothingThere =
            reply && (reply->error == QKeychain::EntryNotFound ||
                      (m_backend == Backend::Automatic && meansNoKeychain(reply->error)));
        if (!nothingThere)
            keychainError =
                Status(Status::IoError, QStringLiteral("Cannot read the sign-in token for %1: %2.")
                                            .arg(account, keychainProblem(reply)));
    }
    // Also where the keychain failed: a fallback may have put the token in the file.
    Result<QByteArray> fromFile = loadFromFile(filePath(), account);
    if (fromFile.good() || fromFile.status().code() != Status::NotFound)
        return fromFile;
    if (keychainError)
        return *keychainError;
    return fromFile;
}

Status CredentialStore::forget(const QString &account)
{
    if (!m_setup.good())
        return m_setup;
    const bool askKeychain =
        m_backend == Backend::Keychain ||
        (m_backend == Backend::Automatic && m_fileReason.isEmpty() && !keychainHung);
    Status keychainStatus;
    if (askKeychain) {
        const std::optional<KeychainReply> reply = runKeychainJob(Operation::Delete, account);
        const bool gone = reply && (reply->error == QKeychain::NoError ||
                                    reply->error == QKeychain::EntryNotFound);
        // In Automatic, a keychain that is not there holds nothing to forget.
        if (!gone && (m_backend == Backend::Keychain || !reply || !meansNoKeychain(reply->error)))
            keychainStatus = Status(Status::IoError,
                                    QStringLiteral("Cannot remove the sign-in token for %1: %2.")
                                        .arg(account, keychainProblem(reply)));
    }
    if (Status s = forgetInFile(filePath(), account); !s.good())
        return s;
    return keychainStatus;
}

} // namespace Pult
