#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestPultctl : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode;
        QByteArray out;
        QByteArray err;
    };
    static Run pultctl(const QStringList &args, const QString &homeEnv = {})
    {
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PULT_HOME"));
        if (!homeEnv.isEmpty())
            env.insert(QStringLiteral("PULT_HOME"), homeEnv);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(PULTCTL_PATH), args);
        if (!p.waitForFinished(300000))
            return {-1, {}, "timeout"};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                p.readAllStandardOutput(), p.readAllStandardError()};
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void demoThenSearch()
    {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        Run r = pultctl({QStringLiteral("--home"), home, QStringLiteral("demo"),
                         QStringLiteral("--tickets"), QStringLiteral("2000")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Wrote 2000 tickets"));

        // A second demo run into the same home refuses instead of duplicating.
        r = pultctl({QStringLiteral("--home"), home, QStringLiteral("demo"),
                     QStringLiteral("--tickets"), QStringLiteral("10")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("already holds 2000 tickets"));

        // PULT_HOME chooses the directory as --home does.
        r = pultctl({QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("lodz")},
                    home);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray hits = QJsonDocument::fromJson(r.out).array();
        QVERIFY(!hits.isEmpty());
        for (const QJsonValue &hit : hits) {
            const QJsonObject o = hit.toObject();
            QVERIFY(o.value(QLatin1String("number")).toInteger() > 0);
            QVERIFY(!o.value(QLatin1String("subject")).toString().isEmpty());
            // The highlighted word is a form of Łódź (Łodzi, Łódzka, ...), found as "lodz".
            const QString snippet = o.value(QLatin1String("snippet")).toString();
            const qsizetype open = snippet.indexOf(QLatin1String("<b>"));
            QVERIFY2(open >= 0, qPrintable(snippet));
            QString word = snippet.mid(open + 3, 3).toLower();
            word.replace(u'ł', u'l').replace(u'ó', u'o');
            QVERIFY2(word == QLatin1String("lod"), qPrintable(snippet));
        }

        r = pultctl(
            {QStringLiteral("--home"), home, QStringLiteral("search"), QStringLiteral("invoice")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains(" tickets\n"));
    }

    void aDamagedStoreIsReportedAndRepaired()
    {
        const QString home = m_dir.filePath(QStringLiteral("damaged"));
        QVERIFY(QDir().mkpath(home));
        QFile f(home + QStringLiteral("/cache.db"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        Run r = pultctl(
            {QStringLiteral("--home"), home, QStringLiteral("search"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("is damaged") && r.err.contains("repair"), r.err.constData());
        r = pultctl({QStringLiteral("--home"), home, QStringLiteral("repair")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Moved the old store to"));
        QCOMPARE(QDir(home).entryList({QStringLiteral("cache.db.damaged-*")}).size(), 1);
        r = pultctl(
            {QStringLiteral("--home"), home, QStringLiteral("search"), QStringLiteral("x")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("No tickets match"));
    }

    void errorsAreClearAndNonZero()
    {
        const QString empty = m_dir.filePath(QStringLiteral("empty"));
        Run r = pultctl(
            {QStringLiteral("--home"), empty, QStringLiteral("search"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no local data"));
        r = pultctl({QStringLiteral("--home"), empty, QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command"));
        r = pultctl({QStringLiteral("--home"), empty, QStringLiteral("demo"),
                     QStringLiteral("--tickets"), QStringLiteral("lots")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--tickets"));
        r = pultctl({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("Usage"));
    }
};

QTEST_GUILESS_MAIN(TestPultctl)
#include "tst_pultctl.moc"
