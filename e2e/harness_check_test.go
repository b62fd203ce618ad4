package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The widths every page is checked and photographed at.
const (
	desktopWidth   = 1280
	phoneWidth     = 390
	viewportHeight = 900
)

// axeRun runs axe-core over the whole document for WCAG 2.0, 2.1 and 2.2
// level A and AA, and returns the violations in a shape Go can decode.
const axeRun = `(async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']}});
  return r.violations.map(v => ({
    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary || ''})),
  }));
})()`

// hasComponentCSS is true unless the page uses the NL Design System's
// utrecht-* classes while their stylesheet is missing: a binary built
// without `make assets` serves half-styled pages, and axe's contrast
// checks would look at something else than people get.
const hasComponentCSS = `!document.querySelector('[class*="utrecht-"]') ||
  [...document.styleSheets].some(s => { try { return [...s.cssRules].some(r => (r.selectorText || '').includes('.utrecht-button')) } catch (e) { return false } })`

type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n  %s\n", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "  - %s\n    %s\n", n.Target, n.HTML)
		if n.Summary != "" {
			fmt.Fprintf(&b, "    %s\n", strings.ReplaceAll(n.Summary, "\n", "\n    "))
		}
	}
	return b.String()
}

// check looks at the page the tab shows the way a careful reviewer would,
// at the desktop and at the phone width: axe-core finds no WCAG 2.2 A/AA
// violation, the page does not scroll sideways on a phone, it has its
// styles, and the browser reported no error (a refused script or style, a
// missing file). It writes a full-page screenshot at both widths to
// build/screenshots/<journey>-<name>-<width>.png and continues the journey
// at the desktop width. Problems are reported without stopping the journey.
func (b *tab) check(name string) {
	b.t.Helper()
	for _, width := range []int64{desktopWidth, phoneWidth} {
		b.setWidth(width)
		for _, v := range b.axe() {
			b.t.Errorf("%s at %dpx: axe: %s", name, width, v)
		}
		if width == phoneWidth {
			if w := eval[int](b, `document.documentElement.scrollWidth`); w > phoneWidth {
				b.t.Errorf("%s at %dpx: the page scrolls sideways (%dpx wide)", name, width, w)
			}
		}
		b.screenshot(name, width)
	}
	b.setWidth(desktopWidth)
	if !eval[bool](b, `[...document.styleSheets].some(s => { try { return s.cssRules.length > 0 } catch (e) { return false } })`) {
		b.t.Errorf("%s: the page has no styles", name)
	}
	if !eval[bool](b, hasComponentCSS) {
		b.t.Errorf("%s: the page uses NL Design System classes without their CSS (run make assets)", name)
	}
	for _, e := range b.console.take(eval[string](b, `location.href`)) {
		b.t.Errorf("%s: browser reported: %s", name, e)
	}
}

// axe injects axe-core (through the DevTools protocol, which the page's
// Content-Security-Policy does not govern) and returns its violations.
func (b *tab) axe() []axeViolation {
	b.t.Helper()
	if !eval[bool](b, `typeof axe !== 'undefined'`) {
		b.do("inject axe-core", chromedp.Evaluate[chromedp.Void](b.tools.axe+"\n;0"))
	}
	return eval[[]axeViolation](b, axeRun)
}

// setWidth lays the page out as a desktop browser or as a phone would.
func (b *tab) setWidth(width int64) {
	b.t.Helper()
	var opts []chromedp.EmulateViewportOption
	if width < 600 {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	b.do(fmt.Sprintf("resize to %dpx", width), chromedp.EmulateViewport(width, viewportHeight, opts...))
}

// screenshot writes the whole page, not only the part in view, as PNG,
// from the top: a page scrolled to an anchor would otherwise show elements
// kept out of view with fixed positions (the skip link) in mid-page.
func (b *tab) screenshot(name string, width int64) {
	b.t.Helper()
	eval[chromedp.Void](b, `window.scrollTo(0, 0)`)
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		m, err := cdp.Call(ctx, t, page.GetLayoutMetrics, cdp.Empty{})
		if err != nil {
			return nil, err
		}
		w, h := float64(width), float64(viewportHeight)
		if m.CSSContentSize != nil {
			w, h = max(w, m.CSSContentSize.Width), max(h, m.CSSContentSize.Height)
		}
		r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format:                page.CaptureScreenshotFormatPng,
			Clip:                  &page.Viewport{Width: w, Height: h, Scale: 1},
			CaptureBeyondViewport: new(true),
			FromSurface:           new(true),
			OptimizeForSpeed:      new(true),
		})
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join(b.tools.root, "build", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	file := filepath.Join(dir, fmt.Sprintf("%s-%s-%d.png", b.journey, name, width))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
