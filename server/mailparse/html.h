#pragma once

// HTML of a mail, with libxml2's HTML parser (recovering, no network): the sanitised HTML the
// agent reads, and the text for search and the ticket list.

#include <string>
#include <string_view>

namespace Pult::MailParse {

// The body's content as an HTML fragment, UTF-8: no script, style, iframe, object, embed, form
// or meta elements, no on* attributes, no javascript:/vbscript:/data: links; remote images not
// loaded: the src (background, poster, srcset) of anything not cid: or data:image/ moves to
// data-pult-src (data-pult-background, ...), so the viewer can load it when the agent asks.
// cid: references stay as they are, to be mapped to the message's inline parts.
//
// Quoted history is marked: when the mail is a reply above an earlier mail it quotes, the
// result is REPLY<!--pult-quote-->QUOTED, each an HTML fragment well-formed on its own, and the
// marker appears nowhere else (the sender's comments are all dropped). The quote starts at the
// first, in document order, of:
//   - an element of class gmail_quote, moz-cite-prefix, yahoo_quoted or protonmail_quote;
//   - an element with id divRplyFwdMsg (with an <hr> sibling directly before it) or
//     appendonsend (Outlook);
//   - a <blockquote type="cite">, or a plain <blockquote> in the body or in div-like wrappers.
// It is marked only when the quote runs to the end: if any text (or image) that is not inside a
// gmail_quote/blockquote/... element follows it, the reply is interleaved with the quote and
// there is no marker; Outlook's header needs no such check, everything after it is the earlier
// mail. Nor when nothing visible comes before it (the mail is only a quote). REPLY is the tree
// without the quote's first node and all that follows it; QUOTED is that node and all that
// follows, inside shallow copies (without id) of the ancestors it was cut out of, so an
// ancestor's element may appear twice (its first half ending REPLY, its second beginning
// QUOTED). The text (htmlToText) is not affected: it keeps the quote.
std::string sanitizeHtml(std::string_view utf8Html);

// The text of HTML: block elements and <br> as line breaks, list items with "- ", links as
// their text, white space collapsed (kept in <pre>), script and style dropped.
std::string htmlToText(std::string_view utf8Html);

// The charset an HTML document declares in a <meta> element, lowercase, or empty.
std::string declaredHtmlCharset(std::string_view html);

} // namespace Pult::MailParse
