package incident

import (
	"bytes"
	"context"
	"encoding/csv"
	"math/rand"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/quick"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// Whatever the validation accepts is stored and read back unchanged,
// through every way out: ListForOrg, ListOwn, Get and the CSV export, on
// both databases. Issue 16 was a value accepted but not readable.
func TestWhatValidationAcceptsReadsBackUnchanged(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		now := f.clock.t
		n := int64(0)
		check := func(g generated) bool {
			n++
			member, coord := f.member(n, f.orgA), f.coordinator(f.orgA)
			in := g.incident(now)
			got, err := f.svc.Submit(ctx, member, in, "")
			if err != nil {
				t.Errorf("valid report refused: %v\n%+v", err, in)
				return false
			}
			want := normalised(in)
			full, err := f.svc.Get(ctx, coord, got.ID)
			if err != nil {
				t.Errorf("Get %d: %v", got.ID, err)
				return false
			}
			if c := normalised(full); !reflect.DeepEqual(c, want) {
				t.Errorf("Get %d:\n got %+v\nwant %+v", got.ID, c, want)
				return false
			}
			list, err := f.svc.ListForOrg(ctx, coord, f.orgA, Filter{})
			if err != nil || list.Skipped != 0 || len(list.Items) == 0 || list.Items[0].ID != got.ID {
				t.Errorf("ListForOrg: %v %+v", err, list)
				return false
			}
			own, err := f.svc.ListOwn(ctx, member)
			if err != nil || len(own) != 1 || !reflect.DeepEqual(own[0], list.Items[0]) {
				t.Errorf("ListOwn: %v %+v, want %+v", err, own, list.Items[0])
				return false
			}
			if s := list.Items[0]; !s.OccurredAt.Equal(want.OccurredAt) || s.VictimRole != want.VictimRole ||
				s.PlaceKind != want.Place.Kind || s.Platform != want.Place.Platform || !slices.Equal(s.Kinds, want.Kinds) {
				t.Errorf("summary %+v, want %+v", s, want)
				return false
			}
			var buf bytes.Buffer
			if err := f.svc.ExportCSV(ctx, coord, f.orgA, Filter{}, &buf); err != nil {
				t.Errorf("export: %v", err)
				return false
			}
			rows, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Errorf("export: %v", err)
				return false
			}
			row := rows[len(rows)-1] // oldest first: the newest is last
			if row[0] != strconv.FormatInt(got.ID, 10) || row[3] != string(want.VictimRole) ||
				row[7] != safeCell(want.Place.Platform) || row[8] != want.OccurredAt.In(amsterdam).Format(time.DateOnly) {
				t.Errorf("export row %v for %+v", row, want)
				return false
			}

			fu, err := f.svc.AddFollowUp(ctx, coord, got.ID, g.followUp(now))
			if err != nil {
				t.Errorf("valid follow-up refused: %v", err)
				return false
			}
			step, err := f.svc.AddChainStep(ctx, coord, got.ID, g.chainStep(now))
			if err != nil {
				t.Errorf("valid chain step refused: %v", err)
				return false
			}
			full, err = f.svc.Get(ctx, coord, got.ID)
			if err != nil || len(full.FollowUps) != 1 || len(full.Chain) != 1 {
				t.Errorf("Get after follow-up: %v", err)
				return false
			}
			rf, rc := full.FollowUps[0], full.Chain[0]
			if !rf.DoneAt.Equal(fu.DoneAt.Truncate(time.Microsecond)) || rf.Note != fu.Note || rf.Kind != fu.Kind || rf.ReactionForm != fu.ReactionForm {
				t.Errorf("follow-up read back %+v, stored %+v", rf, fu)
				return false
			}
			if !rc.On.Equal(step.On) || rc.Note != step.Note || rc.Outcome != step.Outcome || rc.Step != step.Step {
				t.Errorf("chain step read back %+v, stored %+v", rc, step)
				return false
			}
			return true
		}
		if err := quick.Check(check, &quick.Config{MaxCount: 30, Rand: rand.New(rand.NewSource(16))}); err != nil {
			t.Error(err)
		}
	})
}

// generated is the seed of one valid report, follow-up and chain step.
type generated struct{ r *rand.Rand }

func (generated) Generate(r *rand.Rand, _ int) reflect.Value {
	return reflect.ValueOf(generated{rand.New(rand.NewSource(r.Int63()))})
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.Intn(len(list))] }

// text is random Unicode (any plane, no surrogates, no NUL) of up to max
// runes; now and then exactly max.
func text(r *rand.Rand, max int, required bool) string {
	n := r.Intn(min(max, 60) + 1)
	if r.Intn(10) == 0 {
		n = max
	}
	if required && n == 0 {
		n = 1
	}
	var b strings.Builder
	for range n {
		var c rune
		switch r.Intn(4) {
		case 0:
			c = rune(0x20 + r.Intn(0x5f)) // ASCII
		case 1:
			c = rune(0xa0 + r.Intn(0x2000)) // accents, Greek, Cyrillic, ...
		case 2:
			c = rune(0x1f300 + r.Intn(0x300)) // emoji
		default:
			c = rune(1 + r.Intn(0x10ffff))
			if c >= 0xd800 && c <= 0xdfff {
				c = 'é'
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

// moment is a time in [valid.Earliest, latest], edges included.
func moment(r *rand.Rand, latest time.Time) time.Time {
	switch r.Intn(6) {
	case 0:
		return earliest
	case 1:
		return latest
	}
	span := latest.Sub(earliest)
	return earliest.Add(time.Duration(r.Int63n(int64(span)))).In(pick(r, []*time.Location{time.UTC, amsterdam}))
}

func (g generated) incident(now time.Time) *Incident {
	r := g.r
	inc := &Incident{
		Mode:               pick(r, []Mode{ModeSelf, ModeOnBehalf, ModeWitness}),
		VictimRole:         pick(r, VictimRoles),
		OccurredAt:         moment(r, now),
		Place:              Place{Kind: pick(r, PlaceKinds), Detail: text(r, maxShort, false), Link: text(r, maxShort, false)},
		Description:        text(r, maxText, true),
		HomeFront:          HomeFront{Partner: r.Intn(2) == 0, Children: r.Intn(2) == 0, Others: r.Intn(2) == 0},
		Perpetrator:        Perpetrator{Kind: pick(r, PerpetratorKinds), Description: text(r, maxText, false)},
		Witnesses:          text(r, maxText, false),
		Impact:             Impact{Personal: text(r, maxText, false), InfluencesDecisions: r.Intn(2) == 0, FeelsUnsafe: r.Intn(2) == 0},
		ReportedToEmployer: r.Intn(2) == 0, ReportedToPolice: r.Intn(2) == 0,
		PoliceReference: text(r, maxShort, false), WantsAangifte: r.Intn(2) == 0,
		WantsSupport: r.Intn(2) == 0, SupportRequest: text(r, maxText, false), InDanger: r.Intn(2) == 0,
	}
	if inc.Place.Kind == PlaceOnline || r.Intn(2) == 0 {
		inc.Place.Platform = text(r, maxShort, inc.Place.Kind == PlaceOnline)
	}
	switch inc.Mode {
	case ModeOnBehalf:
		inc.VictimDescription = text(r, maxShort, true)
	case ModeSelf:
		inc.VictimDescription = text(r, maxShort, false)
	}
	for _, k := range Kinds() {
		if r.Intn(4) == 0 {
			inc.Kinds = append(inc.Kinds, k)
		}
	}
	if len(inc.Kinds) == 0 {
		inc.Kinds = []Kind{pick(r, Kinds())}
	}
	r.Shuffle(len(inc.Kinds), func(i, j int) { inc.Kinds[i], inc.Kinds[j] = inc.Kinds[j], inc.Kinds[i] })
	return inc
}

func (g generated) followUp(now time.Time) FollowUp {
	r := g.r
	fu := FollowUp{Kind: pick(r, []FollowUpKind{FollowTalk, FollowNote, FollowReaction, FollowMeasure}),
		DoneAt: moment(r, now), Note: text(r, maxText, false)}
	if fu.Kind == FollowNote && fu.Note == "" {
		fu.Note = "notitie"
	}
	if fu.Kind == FollowReaction {
		fu.ReactionForm = pick(r, ReactionForms)
	}
	return fu
}

func (g generated) chainStep(now time.Time) ChainStep {
	r := g.r
	c := ChainStep{Step: pick(r, ChainSteps), Outcome: text(r, maxShort, false), Note: text(r, maxText, false)}
	latest := now
	if c.Step == ChainHearing {
		latest = now.Add(hearingAhead)
	}
	c.On = moment(r, latest)
	return c
}

// normalised is what of an incident the reporter wrote, as stored: UTC
// microseconds, kinds in form order.
func normalised(in *Incident) Incident {
	return Incident{Mode: in.Mode, VictimRole: in.VictimRole, VictimDescription: in.VictimDescription,
		OccurredAt: in.OccurredAt.UTC().Truncate(time.Microsecond), Place: in.Place,
		Description: in.Description, Kinds: inFormOrder(in.Kinds), HomeFront: in.HomeFront,
		Perpetrator: in.Perpetrator, Witnesses: in.Witnesses, Impact: in.Impact,
		ReportedToEmployer: in.ReportedToEmployer, ReportedToPolice: in.ReportedToPolice,
		PoliceReference: in.PoliceReference, WantsAangifte: in.WantsAangifte,
		WantsSupport: in.WantsSupport, SupportRequest: in.SupportRequest, InDanger: in.InDanger}
}
