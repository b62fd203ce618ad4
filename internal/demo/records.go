package demo

import (
	"context"
	"fmt"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
)

// loadRecords adds what a coördinator meets on a normal day: a protocol,
// a new incident that is due, one in progress with an aangifte and a step
// in the criminal chain, and a closed one.
func loadRecords(ctx context.Context, d Deps, who map[string]*auth.Principal) error {
	griffier := who["griffier@utrecht.example.org"]
	raadslid := who["raadslid@utrecht.example.org"]
	wethouder := who["wethouder@utrecht.example.org"]
	burgemeester := who["burgemeester@amsterdam.example.org"]
	now := d.Now()
	day := func(n int) time.Time { return now.AddDate(0, 0, -n).Truncate(time.Hour) }

	if _, err := d.Incidents.SaveProtocol(ctx, griffier, griffier.OrgID, incident.Protocol{
		Norm:                "Agressie, bedreiging en intimidatie tegen raadsleden, wethouders en medewerkers accepteren wij niet, ook niet online.",
		ReportTo:            "Meld elk incident in Weerbaar of bij de griffier. Bij direct gevaar: bel 112.",
		Steps:               "De griffier neemt binnen één werkdag contact op, bespreekt aangifte en nazorg, en reageert binnen 48 uur naar de dader.",
		ConfidentialAdviser: "De vertrouwenspersoon voor politieke ambtsdragers, via de griffie.",
		Contacts:            "Politie (wijkagent), Ondersteuningsteam Weerbaar Bestuur.",
		PostalAddress:       "Gemeente Utrecht, t.a.v. de griffie (demo)\nPostbus 00000\n3500 AA Utrecht",
		FirstContactDays:    1,
	}); err != nil {
		return fmt.Errorf("demo: protocol: %w", err)
	}

	if _, err := d.Incidents.Submit(ctx, raadslid, &incident.Incident{
		OrgID: raadslid.OrgID, Mode: incident.ModeSelf, VictimRole: incident.RoleRaadslid,
		OccurredAt: day(1),
		Place:      incident.Place{Kind: incident.PlaceOnline, Platform: "X"},
		Description: "Na het raadsdebat over de opvanglocatie kreeg ik tientallen berichten; " +
			"in één ervan staat dat men weet waar ik woon.",
		Kinds:         []incident.Kind{incident.KindOnlineHate, incident.KindThreat, incident.KindDoxing},
		Perpetrator:   incident.Perpetrator{Kind: incident.PerpetratorAnonymous},
		Impact:        incident.Impact{Personal: "Ik slaap slecht en twijfel of ik nog het woord voer.", InfluencesDecisions: true, FeelsUnsafe: true},
		HomeFront:     incident.HomeFront{Partner: true, Children: true},
		WantsAangifte: true, WantsSupport: true, SupportRequest: "Een gesprek met de vertrouwenspersoon.",
	}, "demo-1"); err != nil {
		return fmt.Errorf("demo: melding: %w", err)
	}

	townHall, err := d.Incidents.Submit(ctx, wethouder, &incident.Incident{
		OrgID: wethouder.OrgID, Mode: incident.ModeSelf, VictimRole: incident.RoleWethouder,
		OccurredAt:    day(9),
		Place:         incident.Place{Kind: incident.PlaceWork, Detail: "Stadhuis, na de inspraakavond"},
		Description:   "Een bezoeker schreeuwde en kwam dreigend dicht bij me staan tot de bode ingreep.",
		Kinds:         []incident.Kind{incident.KindVerbal, incident.KindIntimidation},
		Perpetrator:   incident.Perpetrator{Kind: incident.PerpetratorKnown, Description: "Bezoeker die vaker inspreekt."},
		Witnesses:     "De bode en twee raadsleden.",
		Impact:        incident.Impact{Personal: "Geschrokken."},
		WantsAangifte: true, ReportedToEmployer: true,
	}, "demo-2")
	if err != nil {
		return fmt.Errorf("demo: melding: %w", err)
	}
	steps := []incident.FollowUp{
		{Kind: incident.FollowTalk, DoneAt: day(8), Note: "Gesprek gevoerd; aangifte afgesproken."},
		{Kind: incident.FollowReaction, ReactionForm: incident.ReactionLetter, DoneAt: day(8), Note: "Brief aan de bezoeker: bij herhaling een verbod."},
	}
	for _, f := range steps {
		if _, err := d.Incidents.AddFollowUp(ctx, griffier, townHall.ID, f); err != nil {
			return fmt.Errorf("demo: opvolging: %w", err)
		}
	}
	if _, err := d.Incidents.RecordAangifte(ctx, griffier, townHall.ID, incident.Aangifte{
		Type: incident.ReportAangifte, FiledBy: incident.FiledByEmployer, VPTAsked: true,
		VPTApplied: incident.Yes, Address: incident.AddressOrganisation,
		FiledOn: day(7), PoliceUnit: "Eenheid Midden-Nederland", PVNumber: "PL0900-2026000000-1", PVPlace: "Utrecht",
	}); err != nil {
		return fmt.Errorf("demo: aangifte: %w", err)
	}
	if _, err := d.Incidents.AddChainStep(ctx, griffier, townHall.ID, incident.ChainStep{
		Step: incident.ChainDecision, Outcome: "strafbeschikking", On: day(2),
	}); err != nil {
		return fmt.Errorf("demo: strafrechtketen: %w", err)
	}

	closed, err := d.Incidents.Submit(ctx, raadslid, &incident.Incident{
		OrgID: raadslid.OrgID, Mode: incident.ModeSelf, VictimRole: incident.RoleRaadslid,
		OccurredAt:  day(40),
		Place:       incident.Place{Kind: incident.PlacePublic, Detail: "Markt"},
		Description: "Op de markt aangesproken en uitgescholden over een raadsbesluit.",
		Kinds:       []incident.Kind{incident.KindVerbal},
		Perpetrator: incident.Perpetrator{Kind: incident.PerpetratorUnknownCitizen},
	}, "demo-3")
	if err != nil {
		return fmt.Errorf("demo: melding: %w", err)
	}
	for _, f := range []incident.FollowUp{
		{Kind: incident.FollowTalk, DoneAt: day(39)},
		{Kind: incident.FollowAftercare, DoneAt: day(39), Note: "Nazorggesprek aangeboden en gevoerd."},
		{Kind: incident.FollowClosed, DoneAt: day(30)},
	} {
		if _, err := d.Incidents.AddFollowUp(ctx, griffier, closed.ID, f); err != nil {
			return fmt.Errorf("demo: opvolging: %w", err)
		}
	}

	if _, err := d.Incidents.Submit(ctx, burgemeester, &incident.Incident{
		OrgID: burgemeester.OrgID, Mode: incident.ModeSelf, VictimRole: incident.RoleBurgemeester,
		OccurredAt:  day(3),
		Place:       incident.Place{Kind: incident.PlaceOther, Detail: "Bij een bijeenkomst in de wijk"},
		Description: "Iemand bood aan 'problemen op te lossen' in ruil voor een vergunning.",
		Kinds:       []incident.Kind{incident.KindBribery, incident.KindUndermining},
		Perpetrator: incident.Perpetrator{Kind: incident.PerpetratorCriminal},
	}, "demo-4"); err != nil {
		return fmt.Errorf("demo: melding: %w", err)
	}
	return nil
}
