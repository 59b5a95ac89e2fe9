#pragma once

// Loads the user interface language: Pult's own catalogue, compiled from translations/*.ts and
// embedded as the resources :/i18n/pult_<lang>.qm, and Qt's catalogue for its own dialogs and
// context menus (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath, when installed).

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Pult {

// Installs the translators for QLocale::system(), whose UI languages follow LANGUAGE, LC_ALL,
// LC_MESSAGES and LANG on Unix and the user's settings elsewhere. The languages are tried in the
// user's order; English, the source language, stops the search, so "en:sl" stays English.
// Returns the language whose catalogue was installed ("sl", "pt_BR", ...), or an empty string
// when the interface stays in English. Call it right after creating the application object,
// before any tr() text is made. The translators are children of app. Dates, times and numbers
// then follow the same language: the system's formats when they are that language's (sl_SI),
// else the language's own (LANGUAGE=sl on a system whose formats are C or en_US), through
// QLocale::setDefault.
QString installTranslations(QCoreApplication &app);
// The same for the language chosen in the window (View → Language: "sl", "en", ...; empty: the
// system's, as above).
QString installTranslations(QCoreApplication &app, const QString &chosen);
// The translators alone, for a given locale (tests).
QString installTranslations(QCoreApplication &app, const QLocale &locale);

// The QSettings key of the language chosen in the window; absent or empty: the system's.
inline QString languageSettingKey()
{
    return QStringLiteral("window/language");
}

// Where the embedded catalogues are: ":/i18n".
QString translationsDirectory();
// The languages Pult has a catalogue for, e.g. {"hr", "lt", "pl", "sl"}, sorted.
QStringList availableTranslations();

} // namespace Pult
