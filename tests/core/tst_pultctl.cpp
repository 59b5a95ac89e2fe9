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

    // Runs after demoThenSearch, on its home: every kind of term through the real command.
    void listSelectsWithTheFilterLanguage()
    {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        const auto list = [&](const QStringList &args) {
            return pultctl(QStringList{QStringLiteral("--home"), home, QStringLiteral("--json"),
                                       QStringLiteral("list")} +
                           args);
        };
        const auto count = [&](const QString &filter) {
            const Run r = list({filter, QStringLiteral("--count")});
            if (r.exitCode != 0)
                qWarning() << filter << r.err;
            return r.exitCode == 0 ? QJsonDocument::fromJson(r.out)[u"count"].toInteger() : -1;
        };
        const qint64 all = count(QString());
        QCOMPARE(all, 2000);
        const qint64 open = count(QStringLiteral("status:open"));
        const qint64 notOpen = count(QStringLiteral("-status:open"));
        QVERIFY(open > 0 && notOpen > 0);
        QCOMPARE(open + notOpen, all);
        // Dates within the demo's two years, which end when it was made.
        const auto daysAgo = [](const char *term, int days) -> QString {
            return QLatin1String(term) + QDate::currentDate().addDays(-days).toString(Qt::ISODate);
        };
        for (const QString &filter : {QStringLiteral("assignee:me"),
                                      QStringLiteral("assignee:none"),
                                      QStringLiteral("priority>=high"),
                                      QStringLiteral("dept:billing"),
                                      QStringLiteral("channel:phone,chat"),
                                      QStringLiteral("tier>=2"),
                                      daysAgo("created>=", 300),
                                      daysAgo("updated<", 550),
                                      QStringLiteral("sla:breached"),
                                      QStringLiteral("has:note"),
                                      QStringLiteral("has:attachment"),
                                      QStringLiteral("-is:spam,merged"),
                                      QStringLiteral("requester:marić"),
                                      QStringLiteral("due<30d"),
                                      daysAgo("solved>=", 180),
                                      QStringLiteral("sort:queue dept:sales"),
                                      QStringLiteral("is:unread"),
                                      QStringLiteral("lodz"),
                                      QStringLiteral("#1042"),
                                      QStringLiteral("category:billing,account,login,bug")}) {
            const qint64 n = count(filter);
            QVERIFY2(n > 0 && n < all, qPrintable(filter + u": " + QString::number(n)));
        }

        // The listed tickets are the ones the filter names, in its order.
        Run r = list({QStringLiteral("status:open,pending"), QStringLiteral("priority>=high"),
                      QStringLiteral("-tag:spam"), QStringLiteral("sort:created"),
                      QStringLiteral("--limit"), QStringLiteral("30")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(r.out).array();
        QVERIFY(!rows.isEmpty());
        QString previous;
        for (const QJsonValue &row : rows) {
            const QJsonObject o = row.toObject();
            QVERIFY(QStringList({QStringLiteral("open"), QStringLiteral("pending")})
                        .contains(o[u"status"].toString()));
            QVERIFY(QStringList({QStringLiteral("high"), QStringLiteral("urgent")})
                        .contains(o[u"priority"].toString()));
            QVERIFY(!o[u"tags"].toArray().contains(QStringLiteral("spam")));
            const QString created = o[u"created"].toString();
            QVERIFY(previous.isEmpty() || created <= previous);
            previous = created;
        }

        // A readable table without --json (the demo has at least two open tickets, made at any
        // moment).
        r = pultctl({QStringLiteral("--home"), home, QStringLiteral("list"),
                     QStringLiteral("status:open"), QStringLiteral("--limit=1")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(QByteArray("1 of " + QByteArray::number(open) + " tickets")),
                 r.out.constData());

        // A bad filter: the positioned error, a caret under the place, a non-zero exit.
        r = list({QStringLiteral("status:open"), QStringLiteral("prio>=high")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("column 13: unknown field \"prio\" — did you mean \"priority\"?\n"
                                "  status:open prio>=high\n"
                                "              ^"),
                 r.err.constData());
        r = list({QStringLiteral("dept:nowhere")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no department is called \"nowhere\""));
        r = list({QStringLiteral("--limit"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
    }

    // The lead's report of the demo (every figure is checked in core_report): as text and JSON,
    // for a department, and refusals that say what is wrong.
    void reportSummarisesAPeriod()
    {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        Run r = pultctl({QStringLiteral("--home"), home, QStringLiteral("--offline"),
                         QStringLiteral("report")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("(30 days), all departments"), r.out.constData());
        QVERIFY(r.out.contains("Backlog now: "));
        QVERIFY(r.out.contains("SLA met: first response "));

        r = pultctl({QStringLiteral("--home"), home, QStringLiteral("--offline"),
                     QStringLiteral("--json"), QStringLiteral("report"), QStringLiteral("--period"),
                     QStringLiteral("7d"), QStringLiteral("--dept"), QStringLiteral("billing")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QLatin1String("days")).toArray().size(), 7);
        const QJsonArray departments = report.value(QLatin1String("departments")).toArray();
        QCOMPARE(departments.size(), 1);
        QCOMPARE(departments.first().toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("Billing"));
        QVERIFY(report.value(QLatin1String("created")).toInteger() > 0);
        QVERIFY(report.value(QLatin1String("first_response"))
                    .toObject()
                    .contains(QLatin1String("median_seconds")));

        r = pultctl({QStringLiteral("--home"), home, QStringLiteral("--offline"),
                     QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("7d"),
                     QStringLiteral("--dept"), QStringLiteral("billing"), QStringLiteral("--csv")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("figure,key,value\r\n"), r.out.constData());
        const QByteArray createdRow =
            "\r\ncreated,," +
            QByteArray::number(report.value(QLatin1String("created")).toInteger()) + "\r\n";
        QVERIFY(r.out.contains(createdRow));
        QCOMPARE(r.out.count("\r\nday_created,"), 7);

        r = pultctl({QStringLiteral("--home"), home, QStringLiteral("--offline"),
                     QStringLiteral("report"), QStringLiteral("--period"), QStringLiteral("soon")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--period takes today"));
        r = pultctl({QStringLiteral("--home"), home, QStringLiteral("--offline"),
                     QStringLiteral("report"), QStringLiteral("--dept"), QStringLiteral("Legal")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no department \"Legal\" here; there are: Billing"));
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
