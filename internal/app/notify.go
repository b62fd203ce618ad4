package app

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/config"
	"weerbaar/internal/i18n"
	"weerbaar/internal/incident"
	"weerbaar/internal/mail"
)

// noticeSendTimeout bounds one notice e-mail, lookup and delivery.
const noticeSendTimeout = time.Minute

// noticeSenders bounds the e-mails on their way at once, so a burst of
// notices (a new incident for ten coördinatoren) cannot open a connection
// per notice to a slow SMTP server.
const noticeSenders = 4

// noticeMail e-mails each meldingen notification (incident.Options.Notify)
// to its account when SMTP is configured. The mail names what happened and
// links to Weerbaar; it never holds anything of the incident itself,
// because e-mail leaves our hands. It sends after the request, so a slow
// or absent mail server never delays the person who acted; the notice is
// on their start page regardless.
type noticeMail struct {
	mail    *mail.Sender
	auth    *auth.Service
	cat     *i18n.Catalog
	baseURL string
	log     *slog.Logger
	slots   chan struct{}
	wg      sync.WaitGroup
}

func newNoticeMail(m *mail.Sender, a *auth.Service, cat *i18n.Catalog, baseURL string, log *slog.Logger) *noticeMail {
	return &noticeMail{mail: m, auth: a, cat: cat, baseURL: strings.TrimSuffix(baseURL, "/"), log: log,
		slots: make(chan struct{}, noticeSenders)}
}

// Notify is the hook for incident.Options.Notify.
func (n *noticeMail) Notify(ctx context.Context, accountID int64, note incident.Notification) {
	if !n.mail.Enabled() {
		return
	}
	ctx = context.WithoutCancel(ctx) // the request that caused it ends first
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		n.slots <- struct{}{}
		defer func() { <-n.slots }()
		ctx, cancel := context.WithTimeout(ctx, noticeSendTimeout)
		defer cancel()
		if err := n.send(ctx, accountID, note); err != nil {
			n.log.Warn("melding niet gemaild", "account", accountID, "notice", note.TextKey, "err", err)
		}
	}()
}

// Wait returns once every notice e-mail started so far is sent or failed.
func (n *noticeMail) Wait() { n.wg.Wait() }

func (n *noticeMail) send(ctx context.Context, accountID int64, note incident.Notification) error {
	acct, err := n.auth.GetAccount(ctx, nil, accountID)
	if err != nil {
		return fmt.Errorf("account %d: %w", accountID, err)
	}
	if acct.Disabled {
		return nil
	}
	subject, body := n.compose(acct, note)
	return n.mail.Send(ctx, acct.Email, subject, body)
}

// compose writes the notice in Dutch (the account holds no language yet):
// what happened, in the catalogue's words, and where to read it.
func (n *noticeMail) compose(acct auth.Account, note incident.Notification) (subject, body string) {
	lang := i18n.Default
	what := n.cat.T(lang, "followup.mail.generic")
	if n.cat.Has(lang, note.TextKey) {
		what = n.cat.T(lang, note.TextKey)
	}
	where := n.cat.T(lang, "followup.mail.login")
	if n.baseURL != "" {
		where = n.cat.T(lang, "followup.mail.link", n.baseURL+noticePath(acct, note))
	}
	return "Weerbaar: " + what, n.cat.T(lang, "followup.mail.body", what, where)
}

// noticePath is the page of the incident for this account: the
// organisation's page for the coördinatoren it was meant for, the
// reporter's own page otherwise.
func noticePath(acct auth.Account, note incident.Notification) string {
	toReporter := note.TextKey == incident.NoticeClosed || note.TextKey == incident.NoticeReopened ||
		strings.HasPrefix(note.TextKey, incident.NoticeChainPrefix)
	if acct.Role == auth.RoleCoordinator && !toReporter {
		return fmt.Sprintf("/organisatie/meldingen/%d", note.IncidentID)
	}
	return fmt.Sprintf("/meldingen/%d", note.IncidentID)
}

// newNotices builds the notice mail from the configuration.
func newNotices(cfg config.Config, log *slog.Logger, a *auth.Service) (*noticeMail, error) {
	cat, err := i18n.Load()
	if err != nil {
		return nil, err
	}
	m := mail.New(mail.Options{Addr: cfg.SMTP, From: cfg.MailFrom, Log: log})
	return newNoticeMail(m, a, cat, cfg.BaseURL, log), nil
}
