package auth

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"net/netip"

	"weerbaar/internal/store"
)

// The login rate limiter counts failures in the database so every app
// server sees the same counts. A subject is a keyed hash: "e:" of the
// e-mail address as typed (so unknown and known addresses are limited
// alike and nothing tells them apart), "a:" of the network address (an
// IPv6 address by its /64, which one client usually holds whole).

const addressKeySetting = "auth.address_hmac_key"

func (s *Service) subjectKey(ctx context.Context) ([]byte, error) {
	if len(s.opts.AddressKey) > 0 {
		return s.opts.AddressKey, nil
	}
	s.addrOnce.Do(func() { s.addrKey, s.addrErr = s.loadAddressKey(ctx) })
	return s.addrKey, s.addrErr
}

// loadAddressKey reads the shared key, creating it on first use; the
// first server to insert wins and the others read its key.
func (s *Service) loadAddressKey(ctx context.Context) ([]byte, error) {
	b := make([]byte, 32)
	rand.Read(b)
	if _, err := s.db.ExecContext(ctx, `INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
		addressKeySetting, hex.EncodeToString(b)); err != nil {
		return nil, fmt.Errorf("adressleutel: %w", err)
	}
	var v string
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE name = $1`, addressKeySetting).Scan(&v); err != nil {
		return nil, fmt.Errorf("adressleutel: %w", err)
	}
	return hex.DecodeString(v)
}

// subjects returns the failure subjects of an e-mail address and a
// network address (host:port or bare host).
func (s *Service) subjects(ctx context.Context, email, remoteAddr string) (acct, addr string, err error) {
	key, err := s.subjectKey(ctx)
	if err != nil {
		return "", "", err
	}
	mac := func(kind, v string) string {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(kind + v))
		return kind + hex.EncodeToString(h.Sum(nil))
	}
	return mac("e:", emailKey(email)), mac("a:", addressBucket(remoteAddr)), nil
}

func addressBucket(remoteAddr string) string {
	host := remoteAddr
	if h, _, err := net.SplitHostPort(remoteAddr); err == nil {
		host = h
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	ip = ip.Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}

// limit is one failure count and its maximum.
type limit struct {
	subject, name string
	max           int
}

func accountLimit(subject string) limit { return limit{subject, "account", MaxAccountFailures} }
func addressLimit(subject string) limit { return limit{subject, "address", MaxAddressFailures} }

// limited reports whether any of the counts has reached its maximum, and
// which one.
func (s *Service) limited(ctx context.Context, q store.Querier, ls ...limit) (bool, string, error) {
	since := s.now().Add(-FailureWindow)
	for _, l := range ls {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM login_failures WHERE subject = $1 AND at > $2`,
			l.subject, since).Scan(&n); err != nil {
			return false, "", fmt.Errorf("pogingen tellen: %w", err)
		}
		if n >= l.max {
			return true, l.name, nil
		}
	}
	return false, "", nil
}

// recordFailure counts one failure for each subject and forgets their
// failures older than the window.
func (s *Service) recordFailure(ctx context.Context, q store.Querier, subjects ...string) error {
	now := s.now()
	for _, subj := range subjects {
		if _, err := q.ExecContext(ctx, `DELETE FROM login_failures WHERE subject = $1 AND at <= $2`,
			subj, now.Add(-FailureWindow)); err != nil {
			return fmt.Errorf("poging vastleggen: %w", err)
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO login_failures (subject, at) VALUES ($1, $2)`, subj, now); err != nil {
			return fmt.Errorf("poging vastleggen: %w", err)
		}
	}
	return nil
}

// clearFailures forgets the e-mail address's failures after a success.
func (s *Service) clearFailures(ctx context.Context, q store.Querier, acct string) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM login_failures WHERE subject = $1`, acct); err != nil {
		return fmt.Errorf("pogingen wissen: %w", err)
	}
	return nil
}
