#include "jsonwriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

namespace {

#define FFFD "\xEF\xBF\xBD" // U+FFFD REPLACEMENT CHARACTER in UTF-8

QByteArray escaped(const QByteArray &text)
{
    std::string out;
    Pult::appendJsonString(
        out, std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    return QByteArray::fromStdString(out);
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringEscaping_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("healthz") << QByteArray("\"healthz\"");
        QTest::newRow("empty") << QByteArray() << QByteArray("\"\"");
        QTest::newRow("quote and backslash")
            << QByteArray("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("short escapes")
            << QByteArray("\b\f\n\r\t") << QByteArray("\"\\b\\f\\n\\r\\t\"");
        QTest::newRow("other controls")
            << QByteArray("\x01\x1f", 2) << QByteArray("\"\\u0001\\u001f\"");
        QTest::newRow("nul") << QByteArray("a\0b", 3) << QByteArray("\"a\\u0000b\"");
        QTest::newRow("del passes") << QByteArray("\x7f") << QByteArray("\"\x7f\"");
        QTest::newRow("slash passes") << QByteArray("/healthz") << QByteArray("\"/healthz\"");
        QTest::newRow("utf-8 passes")
            << QByteArray("Łódź, Šiauliai") << QByteArray("\"Łódź, Šiauliai\"");
        QTest::newRow("4-byte utf-8")
            << QByteArray("\xF0\x9F\x93\xA8") << QByteArray("\"\xF0\x9F\x93\xA8\"");
        QTest::newRow("invalid lead byte") << QByteArray("a\xFFz") << QByteArray("\"a" FFFD "z\"");
        QTest::newRow("lone continuation") << QByteArray("\x80") << QByteArray("\"" FFFD "\"");
        QTest::newRow("truncated at end") << QByteArray("\xC5") << QByteArray("\"" FFFD "\"");
        QTest::newRow("truncated before ascii")
            << QByteArray("\xE2\x82z") << QByteArray("\"" FFFD FFFD "z\"");
        QTest::newRow("overlong slash")
            << QByteArray("\xC0\xAF") << QByteArray("\"" FFFD FFFD "\"");
        QTest::newRow("surrogate")
            << QByteArray("\xED\xA0\x80") << QByteArray("\"" FFFD FFFD FFFD "\"");
        QTest::newRow("above U+10FFFF")
            << QByteArray("\xF4\x90\x80\x80") << QByteArray("\"" FFFD FFFD FFFD FFFD "\"");
    }

    void stringEscaping()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(escaped(input), expected);
    }

    // Whatever bytes come in (a path, a method, a header from a client), the output is valid JSON.
    void arbitraryBytesGiveValidJson()
    {
        QRandomGenerator random(20240517);
        for (int round = 0; round < 2000; ++round) {
            QByteArray bytes(random.bounded(1, 40), Qt::Uninitialized);
            for (char &b : bytes)
                b = static_cast<char>(random.bounded(256));
            const QByteArray json = "{\"k\":" + escaped(bytes) + "}";
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(json, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, bytes.toHex().constData());
            QVERIFY(document.isObject());
        }
    }

    void objectWriter()
    {
        Pult::JsonObjectWriter writer;
        writer.addString("event", "request")
            .addInteger("status", 404)
            .addInteger("negative", -7)
            .addDecimal("duration_ms", 1.23456, 3)
            .addNull("route")
            .addJson("nested", "{\"a\":1}");
        QCOMPARE(QByteArray::fromStdString(writer.finish()),
                 QByteArray(R"({"event":"request","status":404,"negative":-7,"duration_ms":1.235,)"
                            R"("route":null,"nested":{"a":1}})"));
        QCOMPARE(QByteArray::fromStdString(writer.finish()), QByteArray("{}"));
    }

    void decimalsThatJsonCannotHoldBecomeNull()
    {
        Pult::JsonObjectWriter writer;
        writer.addDecimal("nan", std::nan(""), 3)
            .addDecimal("inf", std::numeric_limits<double>::infinity(), 3)
            .addDecimal("zero", 0.0, 2);
        QCOMPARE(QByteArray::fromStdString(writer.finish()),
                 QByteArray(R"({"nan":null,"inf":null,"zero":0.00})"));
    }

    void errorBody()
    {
        const QByteArray body = QByteArray::fromStdString(Pult::jsonError("not_found", "no \"x\""));
        QCOMPARE(body,
                 QByteArray("{\"error\":{\"code\":\"not_found\",\"message\":\"no \\\"x\\\"\"}}"));
        const QJsonObject error =
            QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("not_found"));
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
