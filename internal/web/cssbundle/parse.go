package cssbundle

import (
	"bytes"
	"fmt"
)

// stmt is one top-level CSS statement, as its original bytes: a rule
// (prelude { body }) or a statement ending in ';' (body nil).
type stmt struct {
	lead    []byte // whitespace and comments before it
	prelude []byte // selector list or at-rule prelude, braces excluded
	body    []byte // between the braces; nil for a ';' statement
	text    []byte // the statement itself, from prelude to '}' or ';'
}

// parse splits css into its top-level statements. It understands
// comments, strings and nested braces and parentheses, nothing more;
// what is left after the last statement is returned as tail.
func parse(css []byte) (stmts []stmt, tail []byte, err error) {
	i := 0
	for {
		start := skipTrivia(css, i)
		if start == len(css) {
			return stmts, css[i:], nil
		}
		open, end, err := statementEnd(css, start)
		if err != nil {
			return nil, nil, err
		}
		s := stmt{lead: css[i:start], text: css[start:end]}
		if open < 0 {
			s.prelude = css[start : end-1]
		} else {
			s.prelude, s.body = css[start:open], css[open+1:end-1]
		}
		stmts = append(stmts, s)
		i = end
	}
}

// skipTrivia returns the index of the first byte after whitespace and
// comments from i.
func skipTrivia(css []byte, i int) int {
	for i < len(css) {
		switch {
		case isSpace(css[i]):
			i++
		case bytes.HasPrefix(css[i:], []byte("/*")):
			j := bytes.Index(css[i+2:], []byte("*/"))
			if j < 0 {
				return len(css)
			}
			i += j + 4
		default:
			return i
		}
	}
	return i
}

// statementEnd finds where the statement starting at start ends (index
// after its '}' or ';') and the index of its opening brace (-1 if none).
func statementEnd(css []byte, start int) (open, end int, err error) {
	open, depth, paren := -1, 0, 0
	for i := start; i < len(css); i++ {
		switch c := css[i]; {
		case c == '"' || c == '\'':
			j := bytes.IndexByte(css[i+1:], c)
			if j < 0 {
				return 0, 0, fmt.Errorf("unterminated string at byte %d", i)
			}
			i += j + 1
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			j := bytes.Index(css[i+2:], []byte("*/"))
			if j < 0 {
				return 0, 0, fmt.Errorf("unterminated comment at byte %d", i)
			}
			i += j + 3
		case c == '(':
			paren++
		case c == ')':
			paren--
		case c == ';' && depth == 0 && paren == 0:
			return -1, i + 1, nil
		case c == '{':
			if depth == 0 {
				open = i
			}
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				return open, i + 1, nil
			}
			if depth < 0 {
				return 0, 0, fmt.Errorf("unbalanced '}' at byte %d", i)
			}
		}
	}
	return 0, 0, fmt.Errorf("statement at byte %d does not end", start)
}

// splitTop splits s at sep where it is outside parentheses, brackets,
// strings and comments.
func splitTop(s []byte, sep byte) [][]byte {
	var parts [][]byte
	depth, from := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\'':
			if j := bytes.IndexByte(s[i+1:], c); j >= 0 {
				i += j + 1
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			if j := bytes.Index(s[i+2:], []byte("*/")); j >= 0 {
				i += j + 3
			}
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == sep && depth == 0:
			parts = append(parts, s[from:i])
			from = i + 1
		}
	}
	return append(parts, s[from:])
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }
