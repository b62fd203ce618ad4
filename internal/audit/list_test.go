package audit_test

import (
	"context"
	"testing"

	"weerbaar/internal/audit"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestListFiltersNewestFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		l := audit.New(db)
		events := []audit.Event{
			{Actor: 1, OrgID: 10, Action: "login"},
			{Actor: 1, OrgID: 10, Action: "incident.read", Object: "incident", ObjectID: "42"},
			{Actor: 2, OrgID: 10, Action: "incident.update", Object: "incident", ObjectID: "42"},
			{Actor: 2, OrgID: 20, Action: "login.failed"},
			{Actor: 3, OrgID: 20, Action: "incident.read", Object: "incident", ObjectID: "43"},
			{Actor: 3, OrgID: 20, Action: "Login", Detail: "case differs"},
		}
		for _, e := range events {
			if err := l.WriteNow(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		tests := []struct {
			name string
			f    audit.Filter
			want []int64 // seqs, newest first
		}{
			{"everything", audit.Filter{}, []int64{6, 5, 4, 3, 2, 1}},
			{"by actor", audit.Filter{Actor: 2}, []int64{4, 3}},
			{"by organisation", audit.Filter{OrgID: 10}, []int64{3, 2, 1}},
			{"by object", audit.Filter{Object: "incident"}, []int64{5, 3, 2}},
			{"by object id", audit.Filter{Object: "incident", ObjectID: "42"}, []int64{3, 2}},
			{"by action prefix, case-sensitive", audit.Filter{ActionPrefix: "login"}, []int64{4, 1}},
			{"by action family", audit.Filter{ActionPrefix: "incident."}, []int64{5, 3, 2}},
			{"combined", audit.Filter{Actor: 3, ActionPrefix: "incident."}, []int64{5}},
			{"limit", audit.Filter{Limit: 2}, []int64{6, 5}},
			{"next page", audit.Filter{BeforeSeq: 5, Limit: 2}, []int64{4, 3}},
			{"nothing matches", audit.Filter{Actor: 99}, nil},
		}
		for _, tt := range tests {
			got, err := l.List(ctx, tt.f)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			var seqs []int64
			for _, e := range got {
				seqs = append(seqs, e.Seq)
			}
			if len(seqs) != len(tt.want) {
				t.Errorf("%s: got %v, want %v", tt.name, seqs, tt.want)
				continue
			}
			for i := range seqs {
				if seqs[i] != tt.want[i] {
					t.Errorf("%s: got %v, want %v", tt.name, seqs, tt.want)
					break
				}
			}
		}
		got, _ := l.List(ctx, audit.Filter{Object: "incident", ObjectID: "43"})
		if len(got) != 1 || got[0].Actor != 3 || got[0].OrgID != 20 || got[0].Action != "incident.read" || got[0].At.IsZero() || got[0].At.Location().String() != "UTC" {
			t.Fatalf("entry read back wrong: %+v", got)
		}
	})
}
