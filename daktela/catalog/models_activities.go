package catalog

// channelHead is what every chat-like channel record (SMS, Messenger, WhatsApp, ...) has.
// The social ones add external_contact (see social).
func channelHead() []Field {
	return []Field{str("name"), link("queue", "queues"), link("user", "users"), link("contact", "contacts"),
		str("title"), str("state"), str("connector"), str("sender"), flag("answered"), about(num("duration"), "seconds"),
		date("time"), about(num("wait_time"), "seconds"), about(oneOf(str("direction"), "", "IN", "OUT"), "upper case; empty = system"),
		str("disconnection"), oneOf(str("missed"), "YES", "NO"), date("missed_time"), js("options"),
		ro(about(links("activities", "activities"), "the activities of this record (their item is an id)"))}
}

// social is a Messenger, WhatsApp, Viber or Instagram conversation's fields.
func social() []Field { return join(channelHead(), []Field{str("external_contact")}) }

// Activities (the channel-agnostic work items) and the channel records behind them.
var activityModels = []*Model{
	{Name: "activities", Doc: "Work items of every channel: calls, e-mails, chats, comments (type \"\").", NamePrefix: "activities_",
		Fields: []Field{str("name"), link("ticket", "tickets"), str("title"), flag("important"),
			oneOf(str("action"), "", "OPEN", "WAIT", "POSTPONE", "CLOSE"),
			oneOf(str("type"), "", "CALL", "EMAIL", "CHAT", "SMS", "FBM", "WAP", "VBR", "IGDM", "FBCOMMENT", "IGCOMMENT", "CUSTOM"),
			{Name: "item", Type: Item, Doc: "the channel record (activitiesCall, activitiesEmail, ... by type); an id when nested"},
			link("queue", "queues"), link("user", "users"), link("contact", "contacts"), js("survey"),
			link("record", "campaignsRecords"), links("statuses", "statuses"), num("priority"), js("options"),
			str("description"), date("time"), about(date("time_wait"), "when the activity started waiting (a datetime; call wait seconds are activitiesCall.waiting_time)"),
			date("time_open"), date("time_close"), about(num("baw"), "seconds before answering"),
			about(num("aaw"), "seconds of after-work"), about(num("duration"), "seconds"), about(num("focus_time"), "seconds"),
			num("focus_disruptions"), about(num("ringing_time"), "seconds"), ro(link("created_by", "users")),
			ro(flag("anonymized")), custom(),
			ro(about(links("attachments", "activitiesAttachments"), "as activities/{name}/attachments lists them"))},
		Relations: []Relation{{"attachments", "activitiesAttachments", "activity"}}},
	{Name: "activitiesAttachments", Doc: "Files attached to an activity (read as activities/{name}/attachments).",
		Key: "file", Counter: true, SysModel: `activities\Attachments`, HashNull: true, Nested: true,
		Fields: []Field{num("file"), str("inline"), str("cid"), str("title"), about(str("type"), "MIME type"),
			about(num("size"), "bytes"), date("time"), {Name: "activity", Type: Link, Ref: "activities", Hidden: true}}},
	{Name: "activitiesCall", Doc: "Calls: the channel record of a CALL activity.", Key: "id_call", HashNull: true,
		Fields: []Field{str("id_call"), date("call_time"), oneOf(str("direction"), "in", "out", "internal"), flag("answered"),
			link("id_queue", "queues"), link("id_agent", "users"), str("clid"), str("prefix_clid_name"), str("did"),
			link("contact", "contacts"), about(num("waiting_time"), "seconds the caller waited"),
			about(num("ringing_time"), "seconds"), about(num("hold_time"), "seconds"), about(num("duration"), "seconds"),
			about(num("dialer_time"), "seconds"), num("orig_pos"), num("position"),
			oneOf(str("disposition_cause"), "", "caller", "agent", "transfer", "system"),
			oneOf(str("disconnection_cause"), "", "abandon", "exitwithtimeout", "exitwithkey", "exitempty", "busy", "cancel",
				"noanswer", "failed", "amdmachine"),
			str("pressed_key"), about(num("missed_call"), "1 missed, 0 called back, null not missed"),
			about(date("missed_call_time"), "when it was called back"),
			about(link("missed_callback", "activitiesCall"), "the call that called it back"), num("attempts"),
			float("score"), str("note"), js("options"), js("cdr"),
			ro(about(links("activities", "activities"), "the activities of this call (their item is an id)"))},
		Relations: []Relation{{"recordings", "activitiesCallRecordings", "id_call"},
			{"transcripts", "activitiesCallTranscripts", "id_call"}}},
	{Name: "activitiesCallRecordings", Doc: "Recordings of calls (download with /file/recording/{activity}).", Key: "recording",
		HashNull: true,
		Fields: []Field{str("recording"), link("id_call", "activitiesCall"), str("path"), str("status"),
			about(num("duration"), "seconds"), ro(date("created"))}},
	{Name: "activitiesCallTranscripts", Doc: "Transcribed segments of calls.", HashNull: true, Partial: true,
		Fields: []Field{str("name"), link("id_call", "activitiesCall"), str("text"), oneOf(str("type"), "operator", "customer"),
			about(float("start"), "seconds from the start"), about(float("end"), "seconds from the start")}},
	{Name: "activitiesCallChannels", Doc: "The legs of a call.", Partial: true,
		Fields: []Field{str("name"), link("id_call", "activitiesCall")}},
	{Name: "activitiesEmail", Doc: "E-mails: the channel record of an EMAIL activity.", NamePrefix: "emails_", HashNull: true,
		Fields: []Field{str("name"), link("queue", "queues"), link("user", "users"), link("contact", "contacts"),
			about(str("title"), "the subject"), str("address"), oneOf(str("direction"), "in", "out"),
			about(num("wait_time"), "seconds"), about(num("duration"), "seconds"), flag("answered"), about(str("text"), "HTML"),
			about(js("options"), "headers: from, to, cc, message-id, ..."), date("time"),
			oneOf(str("state"), "", "SENT", "FAILED", "WAIT", "POSTPROCESSING", "DRAFT"),
			ro(links("files", "activitiesEmailFiles")), ro(links("attachments", "activitiesAttachments")),
			ro(about(links("activities", "activities"), "the activities of this e-mail (their item is an id)"))},
		Relations: []Relation{{"files", "activitiesEmailFiles", "email"}}},
	{Name: "activitiesEmailFiles", Doc: "Files of e-mails.", Key: "file", Counter: true, HashNull: true,
		Fields: []Field{num("file"), str("inline"), str("cid"), str("title"), about(str("type"), "MIME type"),
			about(num("size"), "bytes"), date("time"), {Name: "email", Type: Link, Ref: "activitiesEmail", Hidden: true}}},
	{Name: "activitiesWeb", Doc: "Web chats: the channel record of a CHAT activity (formerly activitiesChat).",
		NamePrefix: "chats_", HashNull: true,
		Fields: []Field{str("name"), about(str("title"), "the customer's name"), oneOf(str("state"), "", "ROUTING"),
			link("user", "users"), link("queue", "queues"), link("contact", "contacts"), flag("answered"),
			about(num("duration"), "seconds"), date("time"), about(num("wait_time"), "seconds"),
			oneOf(str("disconnection"), "", "USER", "CLIENT", "TIMEOUT", "NOT_AVAIL", "OUT_OF_TIME", "DECISION_TREE", "BAN"),
			oneOf(str("missed"), "YES", "NO"), date("missed_time"), str("connector"), about(num("routing_duration"), "seconds"),
			str("email"), str("phone"), js("options"), js("context"), str("host"), str("referer"), str("refererLast"),
			str("browser"), flag("mobileDevice"), flag("privateMode"), js("users"), js("customer"),
			about(js("customFields"), "the chat form's fields"), flag("hasFocus"), flag("isVisible"), flag("gdpr"),
			str("language"), str("ipaddress"), date("heartbeat"),
			ro(about(links("activities", "activities"), "the activities of this chat (their item is an id)"))},
		Relations: []Relation{{"messages", "activitiesChatMessages", "chat"}}},
	{Name: "activitiesChatMessages", Doc: "Messages of web chats.", Partial: true,
		Fields: []Field{str("name"), {Name: "chat", Type: Link, Ref: "activitiesWeb", Hidden: true}, str("text"),
			oneOf(str("direction"), "IN", "OUT"), date("time")}},
	{Name: "activitiesSms", Doc: "Text messages: the channel record of an SMS activity.", NamePrefix: "sms_", HashNull: true,
		Fields: join(channelHead(), []Field{str("text")})},
	{Name: "activitiesFbm", Doc: "Facebook Messenger conversations.", NamePrefix: "fbm_", HashNull: true, Partial: true,
		Fields: social()},
	{Name: "activitiesWap", Doc: "WhatsApp conversations.", NamePrefix: "wap_", HashNull: true, Partial: true,
		Fields: social()},
	{Name: "activitiesVbr", Doc: "Viber conversations.", NamePrefix: "vbr_", HashNull: true, Partial: true,
		Fields: social()},
	{Name: "activitiesIgdm", Doc: "Instagram direct messages.", NamePrefix: "igdm_", HashNull: true, Partial: true,
		Fields: join(social(), []Field{oneOf(str("type"), "DM", "STORY_REPLY", "STORY_MENTION")})},
	{Name: "activitiesFbComment", Doc: "Facebook comments.", NamePrefix: "fbcomment_", HashNull: true, Partial: true,
		Fields: channelHead()},
	{Name: "activitiesIgComment", Doc: "Instagram comments.", NamePrefix: "igcomment_", HashNull: true, Partial: true,
		Fields: channelHead()},
	{Name: "transcripts", Doc: "Call transcripts.", Partial: true, Fields: []Field{str("name"), str("text")}},
}

// table is every model, in groups.
var table = join3(setupModels, crmModels, activityModels)

func join3(parts ...[]*Model) []*Model {
	var out []*Model
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
