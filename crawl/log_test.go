package crawl

import (
	"net/url"

	"github.com/rs/zerolog"
)

func nopLog() zerolog.Logger { return zerolog.Nop() }

func mustParse(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, err
	}
	if _, err := parseHTTPURL(s); err != nil {
		return nil, err
	}
	return u, nil
}
