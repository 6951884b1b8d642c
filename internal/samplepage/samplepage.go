// Package samplepage generates deterministic Daktela list answers for benchmarks: pages of
// campaign records (about 600 bytes of JSON each) shaped like the real API's, with nested
// user and queue objects, custom fields as arrays and some Czech text.
package samplepage

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
)

var (
	firstNames = []string{"Jan", "Petra", "Tomáš", "Lucie", "Jiří", "Eva", "Martin", "Žaneta", "Ondřej", "Kateřina"}
	lastNames  = []string{"Novák", "Svobodová", "Dvořák", "Černá", "Procházka", "Kučerová", "Veselý", "Horáková"}
	queues     = []string{"Podpora", "Prodej", "Reklamace", "Retence", "Výzkum"}
	notes      = []string{"Zavolat zpět po 14. hodině", "Zájem o tarif", "Nechce být kontaktován", "Přeposláno na obchod", ""}
	stages     = []string{"OPEN", "CLOSE", "OPEN", "OPEN"}
)

// Record returns record i of the data set with the given seed, as JSON.
func Record(seed int64, i int) []byte {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
	b := make([]byte, 0, 700)
	str := func(s string) {
		q, _ := json.Marshal(s)
		b = append(b, q...)
	}
	user := r.IntN(20)
	queue := r.IntN(len(queues))
	fn, ln := firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))]
	b = append(b, `{"name":`...)
	str(fmt.Sprintf("records_%013x%09d", r.Uint64()>>12, i))
	b = append(b, `,"user":{"name":`...)
	str("agent" + strconv.Itoa(user))
	b = append(b, `,"title":`...)
	str(firstNames[user%len(firstNames)] + " " + lastNames[user%len(lastNames)])
	b = append(b, `,"_sys":{"hash":null,"model":"users"}},"queue":{"name":`...)
	b = strconv.AppendInt(b, int64(3000+queue), 10)
	b = append(b, `,"title":`...)
	str(queues[queue])
	b = append(b, `,"_sys":{"hash":null,"model":"queues"}},"record_type":null,"contact":null,"action":`...)
	str(strconv.Itoa(r.IntN(6)))
	b = append(b, `,"number":`...)
	str(fmt.Sprintf("+420%09d", r.IntN(1e9)))
	b = append(b, `,"call_id":`...)
	if r.IntN(3) == 0 {
		b = append(b, "null"...)
	} else {
		str(fmt.Sprintf("call_%x", r.Uint32()))
	}
	b = append(b, `,"created":`...)
	str(fmt.Sprintf("2025-%02d-%02d %02d:%02d:%02d", 1+r.IntN(12), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60)))
	b = append(b, `,"edited":`...)
	str(fmt.Sprintf("2025-%02d-%02d %02d:%02d:%02d", 1+r.IntN(12), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60)))
	b = append(b, `,"nextcall":null,"stage":`...)
	str(stages[r.IntN(len(stages))])
	b = append(b, `,"priority":`...)
	b = strconv.AppendInt(b, int64(r.IntN(5)), 10)
	b = append(b, `,"score":`...)
	b = strconv.AppendFloat(b, float64(r.IntN(10000))/100, 'f', -1, 64)
	b = append(b, `,"customFields":{"firstname":[`...)
	str(fn)
	b = append(b, `],"lastname":[`...)
	str(ln)
	b = append(b, `],"email":[`...)
	str(fmt.Sprintf("zakaznik%d@example.cz", i))
	b = append(b, `],"note":[`...)
	str(notes[r.IntN(len(notes))])
	b = append(b, `],"products":[]},"statuses":[],"_sys":{"hash":`...)
	str(strconv.FormatUint(r.Uint64()%1e10, 10))
	b = append(b, `,"model":"campaignsRecords"}}`...)
	return b
}

// Page returns a list answer with n records starting at record skip, total records in
// all, in the envelope the API sends.
func Page(seed int64, skip, n, total int) []byte {
	b := make([]byte, 0, n*640+128)
	b = append(b, `{"error":[],"result":{"data":[`...)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, Record(seed, skip+i)...)
	}
	b = append(b, `],"total":`...)
	b = strconv.AppendInt(b, int64(total), 10)
	b = append(b, `},"_time":"2025-06-01 12:00:00","_serverTime":"2025-06-01 12:00:00","_timezone":"Europe/Prague"}`...)
	return b
}
