#include "messagetext.h"

#include <QRegularExpression>

#include <optional>

namespace Pult {

namespace {

// The fence characters of the line ("```" or "~~~"), or an empty view when it is no fence.
QStringView fenceOf(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    if (trimmed.startsWith(u"```"))
        return u"```";
    if (trimmed.startsWith(u"~~~"))
        return u"~~~";
    return {};
}

// Prose keeps no leading or trailing blank lines; an all-blank run is dropped.
void appendProse(QList<MessageSegment> &segments, QString text)
{
    while (text.startsWith(u'\n'))
        text.remove(0, 1);
    while (text.endsWith(u'\n'))
        text.chop(1);
    if (text.trimmed().isEmpty())
        return;
    segments.append({MessageSegment::Prose, text, {}});
}

// ---- snippets without fences -------------------------------------------------------------

enum class LineKind { Prose, Code, StrongCode };

struct CodePatterns
{
    // A log line: a timestamp, an IPv4 address or an Android logcat tag at the start.
    QRegularExpression logLine{QStringLiteral(
        R"(^(\[?\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}|\d{1,3}(\.\d{1,3}){3} |[VDIWEF]/\w+(\(\s*\d+\))?: ))")};
    // The head or a frame of an error report.
    QRegularExpression errorReport{QStringLiteral(
        R"(^(Traceback \(most recent call last\):|Stack trace:|#\d+ (/|\[|\{main\}|[A-Za-z]:\\)|LINE \d+: |PHP (Fatal error|Warning|Notice|Parse error):|Uncaught \w+|Exception in thread |[\w.$]+(Error|Exception): |ERROR: |HTTP/\d))")};
    // The start of an SQL statement, and a clause continuing one.
    QRegularExpression sqlStart{QStringLiteral(
        R"(^(SELECT|INSERT INTO|UPDATE|DELETE FROM|WITH|CREATE (TABLE|INDEX)|ALTER TABLE)\b)")};
    QRegularExpression sqlClause{QStringLiteral(
        R"(^\s*((LEFT |RIGHT |INNER |OUTER )?JOIN|FROM|WHERE|AND|OR|ORDER BY|GROUP BY|HAVING|LIMIT|SET|VALUES|ON|RETURNING)\b)")};
    // A JSON line: a lone brace or bracket, an opening one before a key, or "key": value.
    QRegularExpression jsonLine{QStringLiteral(R"(^\s*([{}\[\]],?$|[{\[]\s*"|"[^"]+"\s*:))")};
};

const CodePatterns &patterns()
{
    static const CodePatterns p;
    return p;
}

LineKind classify(QStringView line)
{
    const CodePatterns &p = patterns();
    if (line.startsWith(u"$ ") || p.logLine.match(line).hasMatch() ||
        p.errorReport.match(line).hasMatch())
        return LineKind::StrongCode;
    if (line.startsWith(u"  ") || line.startsWith(u'\t') || p.sqlStart.match(line).hasMatch() ||
        p.sqlClause.match(line).hasMatch() || p.jsonLine.match(line).hasMatch())
        return LineKind::Code;
    return LineKind::Prose;
}

// The language of a paragraph that reads as code, or nullopt when it reads as prose.
std::optional<QString> codeLanguage(const QList<QStringView> &paragraph)
{
    int code = 0;
    int strong = 0;
    for (const QStringView line : paragraph) {
        const LineKind kind = classify(line);
        code += kind != LineKind::Prose;
        strong += kind == LineKind::StrongCode;
    }
    const int lines = int(paragraph.size());
    const QStringView first = paragraph.first();
    const QStringView last = paragraph.last().trimmed();
    const bool json = (first.startsWith(u'{') && last.endsWith(u'}')) ||
                      (first.startsWith(u'[') && last.endsWith(u']'));
    // A single line needs strong evidence; a paragraph needs most of its lines to be code, or
    // half of them after a line that is certainly code (a traceback's or a prompt's first line).
    const bool strongStart = classify(first) == LineKind::StrongCode;
    const bool isCode =
        json ||
        (lines == 1 ? strong == 1 : code * 10 >= lines * 6 || (strongStart && code * 2 >= lines));
    if (!isCode)
        return std::nullopt;
    if (first.startsWith(u"Traceback (most recent call last):"))
        return QStringLiteral("python");
    if (json)
        return QStringLiteral("json");
    if (first.startsWith(u"$ "))
        return QStringLiteral("bash");
    if (patterns().sqlStart.match(first).hasMatch())
        return QStringLiteral("sql");
    if (patterns().logLine.match(first).hasMatch())
        return QStringLiteral("log");
    return QString();
}

// Splits fence-free text into prose and the paragraphs that read as code.
void splitUnfenced(const QString &text, QList<MessageSegment> &segments)
{
    const QList<QStringView> lines = QStringView(text).split(u'\n');
    QString prose;
    for (qsizetype i = 0; i < lines.size();) {
        if (lines.at(i).trimmed().isEmpty()) {
            prose += u'\n';
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < lines.size() && !lines.at(end).trimmed().isEmpty())
            ++end;
        const QList<QStringView> paragraph = lines.mid(i, end - i);
        if (const std::optional<QString> language = codeLanguage(paragraph)) {
            appendProse(segments, prose);
            prose.clear();
            QString code;
            for (const QStringView line : paragraph)
                code += line.toString() + u'\n';
            code.chop(1);
            segments.append({MessageSegment::Code, code, *language});
        } else {
            for (const QStringView line : paragraph)
                prose += line.toString() + u'\n';
        }
        i = end;
    }
    appendProse(segments, prose);
}

} // namespace

QList<MessageSegment> splitMessageText(const QString &body)
{
    QList<MessageSegment> segments;
    QString normalised = body;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));

    // Fences first; what lies between fenced snippets may still hold unfenced ones.
    QString text;
    QString language;
    QStringView openFence;
    const QList<QStringView> lines = QStringView(normalised).split(u'\n');
    for (const QStringView line : lines) {
        const QStringView fence = fenceOf(line);
        if (openFence.isEmpty() && !fence.isEmpty()) {
            splitUnfenced(text, segments);
            text.clear();
            openFence = fence;
            language = line.trimmed().mid(3).trimmed().toString();
            continue;
        }
        if (!openFence.isEmpty() && line.trimmed() == openFence) {
            if (text.endsWith(u'\n'))
                text.chop(1);
            if (!text.isEmpty())
                segments.append({MessageSegment::Code, text, language});
            text.clear();
            openFence = {};
            continue;
        }
        text += line.toString() + u'\n';
    }
    if (openFence.isEmpty()) {
        splitUnfenced(text, segments);
    } else {
        if (text.endsWith(u'\n'))
            text.chop(1);
        if (!text.isEmpty())
            segments.append({MessageSegment::Code, text, language});
    }
    return segments;
}

} // namespace Pult
