#pragma once

// SHA-256 and HMAC-SHA256 of byte strings with libsodium, for the customer pages' tokens, signed
// forms and Content-Security-Policy hashes. Included by server .cpp files only.

#include <QByteArray>

#include <sodium.h>

namespace Pult {

inline QByteArray sha256(const QByteArray &data)
{
    QByteArray digest(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       std::size_t(data.size()));
    return digest;
}

inline QByteArray hmacSha256(const QByteArray &key, const QByteArray &data)
{
    QByteArray mac(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(key.constData()),
                                std::size_t(key.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(data.constData()),
                                  std::size_t(data.size()));
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(mac.data()));
    return mac;
}

} // namespace Pult
