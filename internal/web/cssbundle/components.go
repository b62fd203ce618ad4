package cssbundle

import (
	"bytes"
	"fmt"
	"regexp"
)

// Components keeps of the component library's stylesheet the rules that
// can match markup using only the listed components: a rule is dropped
// when every selector in it names (outside :not() and other functional
// pseudo-classes) a utrecht-<block> class whose block is not listed, as
// such a selector cannot match. Kept rules keep their bytes and their
// order, so the cascade among them is the library's. At-rules that hold
// rules (@media, @supports, @container) are filtered inside and dropped
// when empty; other statements (@charset, @keyframes) are kept whole.
func Components(library []byte, listed []string) ([]byte, error) {
	keep := map[string]bool{}
	for _, n := range listed {
		keep[n] = true
	}
	out, err := filterRules(library, keep)
	if err != nil {
		return nil, fmt.Errorf("component library: %w", err)
	}
	return out, nil
}

func filterRules(css []byte, keep map[string]bool) ([]byte, error) {
	stmts, tail, err := parse(css)
	if err != nil {
		return nil, err
	}
	var out []byte
	for i, s := range stmts {
		lead := s.lead
		if i > 0 {
			lead = leadSpace(lead) // comments of dropped rules could mislead
		}
		switch {
		case s.body == nil || isOpaqueAtRule(s.prelude):
			out = append(append(out, lead...), s.text...)
		case s.prelude[0] == '@':
			inner, err := filterRules(s.body, keep)
			if err != nil {
				return nil, err
			}
			if len(bytes.TrimSpace(inner)) > 0 {
				out = append(append(append(append(out, lead...), s.prelude...), '{'), inner...)
				out = append(out, '}')
			}
		case canMatch(s.prelude, keep):
			out = append(append(out, lead...), s.text...)
		}
	}
	return append(out, tail...), nil
}

// leadSpace keeps the line breaks of a statement's lead, not its comments.
func leadSpace(lead []byte) []byte {
	if bytes.Contains(lead, []byte("/*")) {
		return []byte("\n")
	}
	return lead
}

// isOpaqueAtRule is an at-rule whose block holds no style rules to filter.
func isOpaqueAtRule(prelude []byte) bool {
	if prelude[0] != '@' {
		return false
	}
	for _, p := range []string{"@media", "@supports", "@container", "@layer"} {
		if bytes.HasPrefix(prelude, []byte(p)) {
			return false
		}
	}
	return true
}

// canMatch reports whether some selector in the list names only listed
// utrecht blocks outside parentheses.
func canMatch(selectors []byte, keep map[string]bool) bool {
	for _, sel := range splitTop(selectors, ',') {
		dead := false
		for _, b := range topLevelBlocks(sel) {
			if !keep[b] {
				dead = true
				break
			}
		}
		if !dead {
			return true
		}
	}
	return false
}

var classBlock = regexp.MustCompile(`^utrecht-([a-z0-9]+(?:-[a-z0-9]+)*)`)

// topLevelBlocks lists the blocks of the .utrecht-* classes in a selector
// that are outside parentheses (so not inside :not(), :is(), :where()).
func topLevelBlocks(sel []byte) []string {
	var blocks []string
	depth := 0
	for i := 0; i < len(sel); i++ {
		switch sel[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '.':
			if depth == 0 {
				if m := classBlock.FindSubmatch(sel[i+1:]); m != nil {
					blocks = append(blocks, string(m[1]))
				}
			}
		}
	}
	return blocks
}
