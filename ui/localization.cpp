#include "localization.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QTranslator>

#include <clocale>

namespace Pult {

namespace {

const QLatin1StringView kCataloguePrefix("pult_");
const QLatin1StringView kCatalogueSuffix(".qm");

QString cataloguePath(const QString &language)
{
    return translationsDirectory() + u'/' + kCataloguePrefix + language + kCatalogueSuffix;
}

// "sl-Latn-SI" gives "sl_Latn_SI", "sl_Latn" and "sl": the most specific catalogue first.
QStringList fallbacks(const QString &uiLanguage)
{
    QStringList parts = QString(uiLanguage).replace(u'-', u'_').split(u'_', Qt::SkipEmptyParts);
    QStringList names;
    while (!parts.isEmpty()) {
        names.append(parts.join(u'_'));
        parts.removeLast();
    }
    return names;
}

bool isSourceLanguage(const QString &uiLanguage)
{
    if (uiLanguage == u'C' || uiLanguage == QLatin1StringView("POSIX"))
        return true;
    return uiLanguage.startsWith(QLatin1StringView("en"), Qt::CaseInsensitive) &&
           (uiLanguage.size() == 2 || uiLanguage.at(2) == u'-' || uiLanguage.at(2) == u'_');
}

} // namespace

QString translationsDirectory()
{
    return QStringLiteral(":/i18n");
}

QStringList availableTranslations()
{
    QStringList languages;
    const QStringList files =
        QDir(translationsDirectory())
            .entryList({kCataloguePrefix + u'*' + kCatalogueSuffix}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages.append(file.mid(kCataloguePrefix.size(),
                                  file.size() - kCataloguePrefix.size() - kCatalogueSuffix.size()));
    return languages;
}

QString installTranslations(QCoreApplication &app)
{
    return installTranslations(app, QString());
}

QString installTranslations(QCoreApplication &app, const QString &chosen)
{
    const QString language =
        installTranslations(app, chosen.isEmpty() ? QLocale::system() : QLocale(chosen));
    // The system locale takes its language from LANGUAGE but its formats from the C library's
    // LC_TIME and LC_NUMERIC (set by QCoreApplication): with LANG=C.UTF-8 LANGUAGE=sl it would
    // say "30. Oct" and "1,204" beside Slovenian words.
    const QString speaks = language.isEmpty() ? chosen : language; // "en" chosen: English
    const QLocale formats(QString::fromLatin1(std::setlocale(LC_TIME, nullptr)));
    if (!speaks.isEmpty() && formats.language() != QLocale(speaks).language())
        QLocale::setDefault(QLocale(speaks));
    return language;
}

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    QString language;
    const QStringList uiLanguages = locale.uiLanguages();
    for (const QString &uiLanguage : uiLanguages) {
        if (isSourceLanguage(uiLanguage))
            break; // the strings in the code are English
        const QStringList names = fallbacks(uiLanguage);
        for (const QString &name : names) {
            if (QFile::exists(cataloguePath(name))) {
                language = name;
                break;
            }
        }
        if (!language.isEmpty())
            break;
    }
    if (language.isEmpty())
        return {};

    auto *pult = new QTranslator(&app);
    if (!pult->load(cataloguePath(language))) {
        delete pult;
        return {};
    }
    // Qt's own strings (standard buttons, line edit context menus) in the same language, when
    // the system has Qt's catalogues (Debian: qt6-translations-l10n). Loaded first, so Pult's
    // catalogue, installed last, is asked first.
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + language,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QCoreApplication::installTranslator(pult);
    return language;
}

} // namespace Pult
