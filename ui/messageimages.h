#pragma once

// The images of mails shown in the ticket view, as the QTextDocument's resource provider: the
// mail's own inline parts (attachment:<sha256>?name=… URLs, pultd's rewrite of cid:) fetched
// through the attachment cache by a loader the window sets, and remote http(s) images, which
// the renderer only names after the reader asked for them (docs/email.md). Nothing blocks the
// UI thread: resource() answers from memory at once, starts what is missing, and emits loaded()
// when it arrives, so that the view lays itself out again. Images are scaled down to a reading
// width; what fails is tried again only after retryFailed() (TicketPane: another ticket opened).

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <QVariant>

#include <functional>

class QNetworkAccessManager;

namespace Pult {

class MessageImages : public QObject
{
    Q_OBJECT

public:
    // Fetches an attachment's content by its hash, off the UI thread, and calls done on the UI
    // thread with the image (null when it could not be fetched or is not an image).
    using AttachmentLoader =
        std::function<void(const QByteArray &hash, std::function<void(const QImage &)> done)>;

    static constexpr int kMaxWidth = 720;                 // wider images are scaled down
    static constexpr qint64 kMaxRemoteBytes = 10'000'000; // larger remote images are dropped

    explicit MessageImages(QObject *parent = nullptr);
    ~MessageImages() override;

    void setAttachmentLoader(AttachmentLoader loader);
    // The image at the URL if it is here, else a null QVariant and, the first time, a fetch.
    QVariant resource(const QUrl &url);
    // An image as it is shown: no wider than kMaxWidth.
    static QImage fitted(const QImage &image);
    // Images that could not be fetched (offline, say) are asked for again on next use.
    void retryFailed() { m_failed.clear(); }

Q_SIGNALS:
    // An image arrived (or failed): documents showing it lay themselves out again.
    void loaded();

private:
    void fetchRemote(const QUrl &url);
    void arrived(const QString &key, const QImage &image);

    AttachmentLoader m_loadAttachment;
    QNetworkAccessManager *m_network = nullptr; // made for the first remote image
    QCache<QString, QImage> m_images;           // cost: kilobytes
    QSet<QString> m_pending;
    QSet<QString> m_failed;
};

} // namespace Pult
