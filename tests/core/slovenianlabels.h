#pragma once

// A test translator shared by the filter tests.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QTranslator>

// A Slovenian UI: translates the Labels context the way a .qm file would.
class SlovenianLabels : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        if (qstrcmp(context, "Labels") != 0)
            return {};
        static const QHash<QByteArray, QString> names{
            {"New", QStringLiteral("Nov")},           {"Open", QStringLiteral("Odprt")},
            {"Pending", QStringLiteral("V čakanju")}, {"On hold", QStringLiteral("Zadržan")},
            {"Solved", QStringLiteral("Rešen")},      {"Closed", QStringLiteral("Zaprt")},
            {"Low", QStringLiteral("Nizka")},         {"Normal", QStringLiteral("Običajna")},
            {"High", QStringLiteral("Visoka")},       {"Urgent", QStringLiteral("Nujna")},
        };
        return names.value(QByteArray(sourceText));
    }
};
