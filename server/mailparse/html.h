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
std::string sanitizeHtml(std::string_view utf8Html);

// The text of HTML: block elements and <br> as line breaks, list items with "- ", links as
// their text, white space collapsed (kept in <pre>), script and style dropped.
std::string htmlToText(std::string_view utf8Html);

// The charset an HTML document declares in a <meta> element, lowercase, or empty.
std::string declaredHtmlCharset(std::string_view html);

} // namespace Pult::MailParse
