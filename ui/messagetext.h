#pragma once

// A message body as the conversation shows it: runs of prose and of code or log text.
//
// Snippets are found two ways:
// - between fences, the way people paste code into chat and Markdown mail; an optional language
//   name follows the opening fence, and an unclosed fence runs to the end of the body:
//       ```python
//       print("hello")
//       ```
// - without fences, the way customers paste logs and errors into ordinary mail: a paragraph
//   (lines between blank lines) most of whose lines look like code or log output (indented
//   lines, timestamps or addresses at the start, stack frames, JSON, a shell prompt, SQL). The
//   language is guessed where the text says it (a Python traceback, JSON, SQL, a shell session,
//   a log); otherwise it is left empty.

#include <QList>
#include <QString>

namespace Pult {

struct MessageSegment
{
    enum Kind { Prose, Code };
    Kind kind = Prose;
    QString text;     // without fences; lines separated by '\n'
    QString language; // Code only, e.g. "python", "json", "log"; may be empty
    friend bool operator==(const MessageSegment &, const MessageSegment &) = default;
};

QList<MessageSegment> splitMessageText(const QString &body);

} // namespace Pult
