#include "messageimages.h"

#include "conversationrenderer.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QThreadPool>

namespace Pult {

namespace {

constexpr int kCacheKilobytes = 64 * 1024;

QString attachmentKey(const QByteArray &hash)
{
    return ConversationRenderer::attachmentScheme() + u':' + QString::fromLatin1(hash);
}

} // namespace

MessageImages::MessageImages(QObject *parent)
    : QObject(parent)
{
    m_images.setMaxCost(kCacheKilobytes);
}

MessageImages::~MessageImages() = default;

void MessageImages::setAttachmentLoader(AttachmentLoader loader)
{
    m_loadAttachment = std::move(loader);
}

QImage MessageImages::fitted(const QImage &image)
{
    if (image.width() <= kMaxWidth)
        return image;
    return image.scaledToWidth(kMaxWidth, Qt::SmoothTransformation);
}

QVariant MessageImages::resource(const QUrl &url)
{
    const bool attachment = url.scheme() == ConversationRenderer::attachmentScheme();
    const bool remote = url.scheme() == u"https" || url.scheme() == u"http";
    if (!attachment && !remote)
        return {};
    const QByteArray hash = url.path().toLatin1();
    const QString key = attachment ? attachmentKey(hash) : url.toString();
    if (const QImage *image = m_images.object(key))
        return *image;
    if (m_pending.contains(key) || m_failed.contains(key))
        return {};
    if (attachment) {
        if (!m_loadAttachment)
            return {};
        m_pending.insert(key);
        m_loadAttachment(hash, [key, self = QPointer<MessageImages>(this)](const QImage &image) {
            if (self)
                self->arrived(key, fitted(image));
        });
    } else {
        m_pending.insert(key);
        fetchRemote(url);
    }
    return {};
}

void MessageImages::fetchRemote(const QUrl &url)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(30'000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxRemoteBytes)
            reply->abort();
    });
    const QString key = url.toString();
    connect(reply, &QNetworkReply::finished, this, [this, reply, key] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            arrived(key, QImage());
            return;
        }
        // Decoding a large picture takes longer than a frame: not on the UI thread.
        QThreadPool::globalInstance()->start(
            [bytes = reply->readAll(), key, self = QPointer<MessageImages>(this)] {
                const QImage image = fitted(QImage::fromData(bytes));
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [self, key, image] {
                        if (self)
                            self->arrived(key, image);
                    },
                    Qt::QueuedConnection);
            });
    });
}

void MessageImages::arrived(const QString &key, const QImage &image)
{
    m_pending.remove(key);
    if (image.isNull()) {
        m_failed.insert(key);
    } else {
        m_images.insert(key, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes() / 1024));
    }
    Q_EMIT loaded();
}

} // namespace Pult
