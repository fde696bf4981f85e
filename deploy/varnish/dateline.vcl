# Varnish 7 in front of Dateline's app server (Debian packages varnish and varnish-modules).
#
# Pages are cached for as long as the application's Cache-Control says (s-maxage; stale-while-revalidate
# becomes grace) and dropped by content tag: every response names what it showed in Surrogate-Key
# ("story:12 list:home site …"), copied here into xkey's index, and the application purges with
#
#     PURGE / HTTP/1.1
#     xkey-purge: story:12 list:home          (or xkey-softpurge: … to keep serving the old copy while refetching)
#
# from an address in the "purgers" ACL (dateline.delivery.backends.varnish.VarnishBackend does this on every
# change). A PURGE without either header drops the URL itself (Wagtail's front-end cache HTTPBackend).
#
# Editors and anyone with a session or CSRF cookie go straight to the application, as in its own page cache.
# `make serve FRONT_CACHE=varnish` and `python -m dateline.delivery.varnishd` set the backend's host and port
# below to the app server's loopback address; edit them when running varnishd yourself.
vcl 4.1;

import std;
import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "8001";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 10s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from " + client.ip));
        }
        if (req.http.xkey-purge) {
            return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge)));
        }
        if (req.http.xkey-softpurge) {
            return (synth(200, "Soft-purged " + xkey.softpurge(req.http.xkey-softpurge)));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Links shared on social networks, in newsletters and ads carry parameters for the reader's analytics (fbclid
    # differs on every click): no page reads them, so they share the page's copy (the application's page cache
    # ignores the same ones: dateline/delivery/store.py, TRACKING_PARAMETER).
    if (req.url ~ "[?&](utm_[a-z_]+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|twclid|igshid|yclid|mc_cid|mc_eid|_ga|_gl)(=|&|$)") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z_]+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|twclid|igshid|yclid|mc_cid|mc_eid|_ga|_gl)(=[^&]*)?(&|$)", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    # What the application never caches: the admin, documents, and its own internal paths.
    if (req.url ~ "^/(admin|documents|__)(/|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A possible editor: Django's session and CSRF cookies (SESSION_COOKIE_NAME, CSRF_COOKIE_NAME), __Host- prefixed
    # in production (https).
    if (req.http.Cookie ~ "(^|;)\s*(__Host-)?(sessionid|csrftoken)=") {
        return (pass);
    }
    # Any other cookie (analytics, consent) changes nothing on a reader page: share one copy.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # xkey indexes the "xkey" header; the application names the same tags in Surrogate-Key.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)" || !beresp.http.Cache-Control) {
        # Not for sharing: remember not to wait on it for two minutes (no request coalescing for it).
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.status >= 500) {
        # Never keep an error; an older copy within grace is served instead while the backend recovers.
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        return (deliver);
    }
    # Keep an object past its grace for conditional fetches (If-None-Match with the application's ETag).
    set beresp.keep = 1h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.Via;
    if (obj.uncacheable) {
        set resp.http.X-Front-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Front-Cache = "HIT";
    } else {
        set resp.http.X-Front-Cache = "MISS";
    }
    return (deliver);
}
