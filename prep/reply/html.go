package reply

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/redress-cli/redress/internal/lazyre"
)

// blockTags end a line of text; paragraphTags leave a blank line after.
var (
	blockTags = map[string]bool{"br": true, "div": true, "tr": true, "li": true, "ul": true, "ol": true,
		"table": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true,
		"blockquote": true, "section": true, "article": true, "header": true, "footer": true, "td": true}
	paragraphTags = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "table": true, "blockquote": true}
	skipTags      = map[string]bool{"script": true, "style": true, "title": true, "noscript": true, "template": true}
)

// blankLines are two or more empty lines (spaces allowed), kept as one.
var blankLines = lazyre.New(`\n[ \t]*(\n[ \t]*){2,}`)

// HTMLText reduces an HTML mail to its text: paragraphs and line breaks
// kept, scripts, styles and the head dropped, entities decoded. It uses
// the HTML5 tokenizer, so broken markup never stops it.
func HTMLText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return blankLines().ReplaceAllString(b.String(), "\n\n")
		case html.TextToken:
			if skip == 0 {
				b.WriteString(strings.Join(strings.Fields(string(z.Text())), " "))
				b.WriteByte(' ')
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skipTags[tag] {
				if tt == html.StartTagToken {
					skip++
				}
				continue
			}
			if tag == "br" || (blockTags[tag] && tag != "td") || paragraphTags[tag] {
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skipTags[tag] {
				if skip > 0 {
					skip--
				}
				continue
			}
			if paragraphTags[tag] {
				b.WriteString("\n\n")
			} else if blockTags[tag] {
				b.WriteByte('\n')
			}
		}
	}
}
