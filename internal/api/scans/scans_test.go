package scans_test

import (
	"testing"

	"weerbaar/internal/api/apitest"
	"weerbaar/internal/api/scans"
)

func TestScansAPIIsDocumented(t *testing.T) {
	apitest.CheckCapability(t, scans.New(nil))
}
