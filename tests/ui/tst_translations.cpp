// The window's catalogues are complete for the sources as they are: lupdate is run over the
// sources into copies of translations/*.ts (exactly as `--target update_translations` runs it),
// and every message of every language must then be translated, none vanished or obsolete, with
// the source's placeholders, accelerator and markup, and all the language's plural forms. So a
// change that adds or changes a window string fails here until it ships the string translated
// (docs/translations.md).

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList forms;
};

QList<Entry> readCatalogue(const QString &path, QString *language, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QXmlStreamReader xml(&file);
    QList<Entry> entries;
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"TS") {
            *language = xml.attributes().value(QLatin1String("language")).left(2).toString();
        } else if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            Entry e;
            e.context = context;
            e.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            while (!(xml.isEndElement() && xml.name() == u"message") && !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == u"source") {
                    e.source = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    e.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (!e.numerus) {
                        e.forms.append(xml.readElementText());
                    }
                } else if (xml.name() == u"numerusform") {
                    e.forms.append(xml.readElementText());
                }
            }
            entries.append(e);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

QStringList placeholders(const QString &text, bool numerus)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?\\d+|%n"));
    QStringList found;
    for (const QRegularExpressionMatch &m : placeholder.globalMatch(text)) {
        if (!(numerus && m.captured() == u"%n") && !found.contains(m.captured()))
            found.append(m.captured());
    }
    found.sort();
    return found;
}

int accelerators(const QString &text)
{
    static const QRegularExpression accelerator(QStringLiteral("&(?!&)(?=[^\\s;])"));
    QString single = text;
    single.remove(QStringLiteral("&&"));
    return int(single.count(accelerator));
}

// What is wrong with one entry, as lines.
QStringList problems(const Entry &e, const QString &language)
{
    static const QHash<QString, int> pluralForms{{QStringLiteral("sl"), 4},
                                                 {QStringLiteral("lt"), 3},
                                                 {QStringLiteral("hr"), 3},
                                                 {QStringLiteral("pl"), 3}};
    static const QRegularExpression tag(QStringLiteral("</?[a-zA-Z]+"));
    QStringList found;
    const QString where = e.context + u": \"" + e.source.left(60) + u'"';
    if (!e.type.isEmpty())
        return {where + u" is " + e.type};
    if (e.numerus && e.forms.size() != pluralForms.value(language, e.forms.size()))
        found.append(where + QStringLiteral(" has %1 plural forms, %2 wants %3")
                                 .arg(e.forms.size())
                                 .arg(language)
                                 .arg(pluralForms.value(language)));
    for (const QString &t : e.forms) {
        if (t.trimmed().isEmpty()) {
            found.append(where + u" is empty");
            continue;
        }
        if (placeholders(t, e.numerus) != placeholders(e.source, e.numerus))
            found.append(where + u" loses or adds a placeholder: \"" + t + u'"');
        if (accelerators(t) != accelerators(e.source))
            found.append(where + u" loses or adds an accelerator (&): \"" + t + u'"');
        for (const QRegularExpressionMatch &m : tag.globalMatch(e.source)) {
            if (e.source.count(m.captured()) != t.count(m.captured())) {
                found.append(where + u" loses markup " + m.captured() + u": \"" + t + u'"');
                break;
            }
        }
    }
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cataloguesAreCompleteForTheSources()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // The lupdate project of the build, made as the update_translations target makes it.
        const QString project = dir.filePath(QStringLiteral("project.json"));
        QProcess generate;
        generate.start(QStringLiteral(CMAKE_COMMAND),
                       {QStringLiteral("-DIN_FILE=" PULT_LUPDATE_PROJECT),
                        QStringLiteral("-DOUT_FILE=") + project, QStringLiteral("-P"),
                        QStringLiteral(PULT_LUPDATE_GENERATOR)});
        QVERIFY(generate.waitForFinished(60000));
        QVERIFY2(generate.exitCode() == 0, generate.readAllStandardError().constData());
        QFile projectFile(project);
        QVERIFY(projectFile.open(QIODevice::ReadOnly));
        QJsonDocument document = QJsonDocument::fromJson(projectFile.readAll());
        projectFile.close();
        QJsonObject settings =
            document.isArray() ? document.array().first().toObject() : document.object();
        // lupdate writes into copies: the committed catalogues stay as they are.
        QJsonArray copies;
        for (const QJsonValue &ts : settings.value(QLatin1String("translations")).toArray()) {
            const QString copy = dir.filePath(QFileInfo(ts.toString()).fileName());
            QVERIFY(QFile::copy(ts.toString(), copy));
            QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            copies.append(copy);
        }
        QCOMPARE(copies.size(), 4);
        settings.insert(QStringLiteral("translations"), copies);
        document =
            document.isArray() ? QJsonDocument(QJsonArray{settings}) : QJsonDocument(settings);
        QVERIFY(projectFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        projectFile.write(document.toJson());
        projectFile.close();
        QProcess lupdate;
        lupdate.start(QStringLiteral(LUPDATE_PATH),
                      {QStringLiteral("-silent"), QStringLiteral("-project"), project,
                       QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("-no-ui-lines")});
        QVERIFY(lupdate.waitForFinished(300000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        QStringList all;
        for (const QJsonValue &copy : std::as_const(copies)) {
            QString language;
            QString error;
            const QList<Entry> entries = readCatalogue(copy.toString(), &language, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(entries.size() > 100);
            for (const Entry &e : entries) {
                for (const QString &p : problems(e, language))
                    all.append(language + u": " + p);
            }
        }
        for (const QString &p : std::as_const(all).mid(0, 60))
            qWarning("%s", qPrintable(p));
        QVERIFY2(all.isEmpty(),
                 qPrintable(QStringLiteral("%1 problems in the catalogues (the first 60 above); "
                                           "run the update_translations target and translate "
                                           "(docs/translations.md)")
                                .arg(all.size())));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
