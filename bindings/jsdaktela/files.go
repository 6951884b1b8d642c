package jsdaktela

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dkscript/dkscript/bindings"
	"github.com/dkscript/dkscript/daktela"
	"github.com/dop251/goja"
)

// fileMethods adds the file calls to Client: downloadRecording, downloadFile (each with
// an Async form), uploadFile and removeUploadedFile. They read and write files, so they
// need Config.FileAccess.
func (in *instance) fileMethods(p *goja.Object) {
	vm := in.vm
	download := func(method string, async bool, fetch func(a bindings.Args) func(ctx context.Context, c *daktela.Client) (*daktela.Download, error)) {
		in.method(p, method, func(call goja.FunctionCall) goja.Value {
			ch := in.clientThis(call, method)
			a := bindings.Args{VM: vm, Call: call, Method: method}
			in.needFiles(method)
			run := fetch(a)
			if !async {
				d, err := run(in.host.Context(), ch.c)
				in.drainLogs(ch)
				if err != nil {
					in.throw(err)
				}
				return in.downloadResult(d)
			}
			frames := vm.CaptureCallStack(0, nil)
			promise, resolve, reject := vm.NewPromise()
			enqueue := in.host.RegisterCallback()
			ctx := in.host.Context()
			go func() {
				d, err := run(ctx, ch.c)
				enqueue(func() error {
					in.drainLogs(ch)
					if err != nil {
						return reject(in.errorValue(err, frames))
					}
					return resolve(in.downloadResult(d))
				})
			}()
			return vm.ToValue(promise)
		})
	}
	recording := func(a bindings.Args) func(context.Context, *daktela.Client) (*daktela.Download, error) {
		activity := recordingActivity(a)
		given := a.String(1, "path")
		path := in.filePath(given)
		opts := downloadOptions(a, 2, false)
		return func(ctx context.Context, c *daktela.Client) (*daktela.Download, error) {
			d, err := c.DownloadRecording(ctx, activity, path, opts.DownloadOptions)
			return in.asGiven(given, d), err
		}
	}
	file := func(a bindings.Args) func(context.Context, *daktela.Client) (*daktela.Download, error) {
		opts := downloadOptions(a, 2, true)
		mapper, name := fileRef(a, opts.mapper)
		given := a.String(1, "path")
		path := in.filePath(given)
		return func(ctx context.Context, c *daktela.Client) (*daktela.Download, error) {
			d, err := c.DownloadFile(ctx, mapper, name, path, opts.DownloadOptions)
			return in.asGiven(given, d), err
		}
	}
	download("downloadRecording", false, recording)
	download("downloadRecordingAsync", true, recording)
	download("downloadFile", false, file)
	download("downloadFileAsync", true, file)

	in.method(p, "uploadFile", func(call goja.FunctionCall) goja.Value {
		ch := in.clientThis(call, "uploadFile")
		a := bindings.Args{VM: vm, Call: call, Method: "uploadFile"}
		in.needFiles("uploadFile")
		path := a.String(0, "path")
		name, err := ch.c.UploadFile(in.host.Context(), in.filePath(path))
		in.drainLogs(ch)
		if err != nil {
			in.throw(err)
		}
		return vm.ToValue(name)
	})
	in.method(p, "removeUploadedFile", func(call goja.FunctionCall) goja.Value {
		ch := in.clientThis(call, "removeUploadedFile")
		a := bindings.Args{VM: vm, Call: call, Method: "removeUploadedFile"}
		name := a.String(0, "name")
		err := ch.c.RemoveUploadedFile(in.host.Context(), name)
		in.drainLogs(ch)
		if err != nil {
			in.throw(err)
		}
		return goja.Undefined()
	})
}

// needFiles throws unless the host grants file access.
func (in *instance) needFiles(method string) {
	if !in.cfg.FileAccess {
		panic(in.vm.NewTypeError("Client." + method + ": this runtime does not allow scripts to read or write files (the host grants it with the FileAccess capability)"))
	}
}

// filePath resolves a script's path against Config.BaseDir (a trailing slash, which
// makes it a directory target, is kept).
func (in *instance) filePath(p string) string {
	if in.cfg.BaseDir == "" || filepath.IsAbs(p) {
		return p
	}
	dir := strings.HasSuffix(p, "/") || strings.HasSuffix(p, string(filepath.Separator))
	p = filepath.Join(in.cfg.BaseDir, p)
	if dir {
		p += string(filepath.Separator)
	}
	return p
}

// asGiven names a download's file relative to Config.BaseDir again when the script
// gave a relative path.
func (in *instance) asGiven(given string, d *daktela.Download) *daktela.Download {
	if d != nil && in.cfg.BaseDir != "" && !filepath.IsAbs(given) {
		if rel, rerr := filepath.Rel(in.cfg.BaseDir, d.Path); rerr == nil && !strings.HasPrefix(rel, "..") {
			d.Path = rel
		}
	}
	return d
}

// downloadResult is the JS object of a Download: {path, bytes, sha256, contentType, skipped}.
func (in *instance) downloadResult(d *daktela.Download) goja.Value {
	o := in.vm.NewObject()
	o.Set("path", d.Path)
	o.Set("bytes", d.Bytes)
	o.Set("sha256", d.SHA256)
	o.Set("contentType", d.ContentType)
	o.Set("skipped", d.Skipped)
	return o
}

// jsDownloadOptions are a download's options as JS gives them.
type jsDownloadOptions struct {
	daktela.DownloadOptions
	mapper string // downloadFile's mapper option
}

// downloadOptions reads argument i: {skipExisting} (and, for downloadFile, {mapper}).
func downloadOptions(a bindings.Args, i int, withMapper bool) jsDownloadOptions {
	var out jsDownloadOptions
	o := a.OptObject(i, "options")
	if o == nil {
		return out
	}
	known := "skipExisting"
	if withMapper {
		known += ", mapper"
	}
	for _, k := range o.Keys() {
		switch {
		case k == "skipExisting":
			b, ok := bindings.BoolOf(o.Get(k))
			if !ok {
				a.Fail("options.skipExisting", "a boolean", o.Get(k))
			}
			out.SkipExisting = b
		case k == "mapper" && withMapper:
			v := o.Get(k)
			if !goja.IsString(v) {
				a.Fail("options.mapper", "a string such as \"activitiesEmail\"", v)
			}
			out.mapper = v.String()
		default:
			a.Throw("unknown option %q (known: %s)", k, known)
		}
	}
	return out
}

// recordingActivity reads downloadRecording's first argument: an activity's name, an
// "activities" record (its name), or an "activitiesCall" record (the name of its
// activity).
func recordingActivity(a bindings.Args) string {
	const want = "a call activity: its name, an Activities record, or an ActivitiesCall record"
	v := a.Value(0)
	if goja.IsString(v) {
		return v.String()
	}
	o, ok := v.(*goja.Object)
	if !ok {
		a.Fail("activity", want, v)
	}
	if id := o.Get("id_call"); id != nil && !bindings.IsNullish(id) {
		acts := o.Get("activities")
		if arr, ok := acts.(*goja.Object); ok {
			first := arr.Get("0")
			if first != nil && goja.IsString(first) {
				return first.String()
			}
			if fo, ok := first.(*goja.Object); ok {
				if n := fo.Get("name"); n != nil && goja.IsString(n) {
					return n.String()
				}
			}
		}
		a.Fail("activity", want+" (this ActivitiesCall record lists no activity)", v)
	}
	if n := o.Get("name"); n != nil && goja.IsString(n) {
		return n.String()
	}
	a.Fail("activity", want, v)
	return ""
}

// fileRef reads downloadFile's first argument: {mapper, name}, or an attachment record
// (its "file" id) whose mapper is the option, the record's own "mapper", or follows from
// the model it came from (activitiesEmailFiles: activitiesEmail).
func fileRef(a bindings.Args, mapper string) (string, string) {
	const want = "{mapper, name} or an attachment record (from an e-mail's files or activities/{name}/attachments)"
	o, ok := a.Value(0).(*goja.Object)
	if !ok {
		a.Fail("file", want, a.Value(0))
	}
	name := ""
	for _, key := range []string{"name", "file"} {
		v := o.Get(key)
		switch {
		case v == nil || bindings.IsNullish(v) || name != "":
		case goja.IsString(v):
			name = v.String()
		case goja.IsNumber(v):
			if n, ok := bindings.IntOf(v); ok && n >= 0 {
				name = strconv.FormatInt(n, 10)
			}
		}
	}
	if name == "" {
		a.Fail("file", want+" (it has no file id in name or file)", o)
	}
	if mapper == "" {
		if v := o.Get("mapper"); v != nil && goja.IsString(v) {
			mapper = v.String()
		}
	}
	if mapper == "" {
		mapper = mapperOfModel(o)
	}
	if mapper == "" {
		a.Throw("file %s: say which kind of activity it belongs to with {mapper: \"activitiesEmail\"} "+
			"(or activitiesComment, activitiesWeb, activitiesFbm, activitiesWap, activitiesVbr) in the options or the file object", name)
	}
	return mapper, name
}

// mapperOfModel returns the mapper a record's _sys.model implies: the files of an
// e-mail (activitiesEmailFiles) belong to activitiesEmail, and so on; "" when it says
// nothing.
func mapperOfModel(o *goja.Object) string {
	if v := o.Get("email"); v != nil && !bindings.IsNullish(v) {
		return "activitiesEmail"
	}
	sys, ok := o.Get("_sys").(*goja.Object)
	if !ok {
		return ""
	}
	m := sys.Get("model")
	if m == nil || !goja.IsString(m) {
		return ""
	}
	model := strings.ReplaceAll(m.String(), `\`, "")
	if base, ok := strings.CutSuffix(model, "Files"); ok && strings.HasPrefix(base, "activities") && len(base) > len("activities") {
		return base
	}
	return ""
}
