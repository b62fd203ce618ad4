package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// stepTimeout bounds one step: a page that never shows what a step waits
// for fails the journey with the page's text instead of hanging.
const stepTimeout = 20 * time.Second

// tab is one browser tab walking one journey through Weerbaar, the way a
// person would: open a page, read it, fill in a form, press a button.
type tab struct {
	t       *testing.T
	ctx     context.Context
	base    string // the server's URL
	journey string // names the screenshots
	tools   tools
	console *consoleLog
}

// newTab starts a browser for the journey against the server at base.
func newTab(t *testing.T, tl tools, base, journey string) *tab {
	t.Helper()
	ctx := startBrowser(t)
	c := &consoleLog{}
	if err := c.listen(ctx); err != nil {
		t.Fatalf("listen to the console: %v", err)
	}
	return &tab{t: t, ctx: ctx, base: base, journey: journey, tools: tl, console: c}
}

// do runs actions as one step, failing the journey with what the page
// showed when a step does not succeed.
func (b *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v\n%s", what, err, b.describe())
	}
}

// describe says where the tab is and what it shows, for failure messages.
func (b *tab) describe() string {
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ''`))
	if len(text) > 2000 {
		text = text[:2000] + "…"
	}
	return fmt.Sprintf("page %s shows:\n%s", loc, text)
}

// visit opens path (relative to the server), waits for it to load and
// checks the page as check does.
func (b *tab) visit(path, name string) {
	b.t.Helper()
	b.do("open "+path, chromedp.Navigate(b.base+path))
	b.check(name)
}

// press clicks the button or link sel and waits for the page it leads to.
func (b *tab) press(sel string) {
	b.t.Helper()
	b.do("press "+sel, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel)))(ctx, t)
		return err
	}))
}

// fill empties the field sel and types value into it.
func (b *tab) fill(sel, value string) {
	b.t.Helper()
	b.do("find "+sel, chromedp.WaitReady(chromedp.CSS(sel)))
	q, _ := json.Marshal(sel)
	eval[chromedp.Void](b, `document.querySelector(`+string(q)+`).value = ''`)
	b.do("fill in "+sel, chromedp.SendKeys(chromedp.CSS(sel), value))
}

// click clicks sel without waiting for a new page (a checkbox, a radio).
func (b *tab) click(sel string) {
	b.t.Helper()
	b.do("click "+sel, chromedp.Click(chromedp.CSS(sel)))
}

// text returns the visible text of the first element matching sel.
func (b *tab) text(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("read %s: %v\n%s", sel, err, b.describe())
	}
	return strings.TrimSpace(s)
}

// see fails the journey unless the element sel shows want.
func (b *tab) see(sel, want string) {
	b.t.Helper()
	if got := b.text(sel); !strings.Contains(got, want) {
		b.t.Fatalf("%s shows %q, want it to contain %q\n%s", sel, got, want, b.describe())
	}
}

// eval evaluates a JavaScript expression in the page and returns its value.
func eval[T any](b *tab, js string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// path is the path and query of the page the tab shows.
func (b *tab) path() string {
	b.t.Helper()
	return eval[string](b, `location.pathname + location.search`)
}

// consoleLog collects what the browser reports as an error: uncaught
// exceptions, refused resources (CSP), failed loads.
type consoleLog struct {
	mu     sync.Mutex
	errors []consoleEntry
}

type consoleEntry struct{ source, text, url string }

func (c *consoleLog) listen(ctx context.Context) error {
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				c.add(consoleEntry{source: string(e.Entry.Source), text: e.Entry.Text, url: e.Entry.URL})
			}
		case *runtime.EventExceptionThrown:
			c.add(consoleEntry{source: "exception", text: e.ExceptionDetails.Text})
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				c.add(consoleEntry{source: "console", text: "console.error"})
			}
		}
	})
	if err != nil {
		return err
	}
	return chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, cdplog.Enable, cdp.Empty{}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, runtime.Enable, cdp.Empty{})
		return err
	}))
}

func (c *consoleLog) add(s consoleEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errors = append(c.errors, s)
}

// take returns the errors collected since the last call, leaving out the
// status of the page itself at doc: a 404 page or a form sent back with
// 422 is what the journey asked for, and the journey checks its text.
func (c *consoleLog) take(doc string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []string
	for _, e := range c.errors {
		if e.source == "network" && e.url == doc {
			continue
		}
		errs = append(errs, fmt.Sprintf("%s: %s %s", e.source, e.text, e.url))
	}
	c.errors = nil
	return errs
}
