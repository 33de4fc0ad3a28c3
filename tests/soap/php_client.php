<?php
// SOAP conformance checks with PHP's SoapClient (ext-soap).
//
// Loads the WSDL from $STRATUM_SOAP_BASE/soap?wsdl, authenticates with a WS-Security
// UsernameToken header (the API key in $STRATUM_API_KEY as PasswordText, mustUnderstand=1)
// and runs the account checks of docs/soap.md over SOAP 1.1, and a few over SOAP 1.2.
// Prints one PASS/FAIL line per check and, last, `RESULT php <passed> <failed>`.

declare(strict_types=1);

const TNS = 'urn:stratum:api:v1';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';
const NONEXISTENT = 'acc_00000000000000000000000000';

$base = rtrim((string) getenv('STRATUM_SOAP_BASE'), '/');
$apiKey = (string) getenv('STRATUM_API_KEY');
$wsdl = $base . '/soap?wsdl';
$run = bin2hex(random_bytes(4));

$passed = 0;
$failed = 0;
$state = [];

final class CheckFailure extends Exception {}

function ok(bool $cond, string $msg): void
{
    if (!$cond) {
        throw new CheckFailure($msg);
    }
}

function eq($actual, $expected, string $what): void
{
    if ($actual !== $expected) {
        throw new CheckFailure($what . ': expected ' . var_export($expected, true) . ', got ' . var_export($actual, true));
    }
}

function check(string $name, callable $fn): void
{
    global $passed, $failed;
    try {
        $fn();
        $passed++;
        echo "PASS $name\n";
    } catch (CheckFailure $e) {
        $failed++;
        echo "FAIL $name: " . $e->getMessage() . "\n";
    } catch (SoapFault $e) {
        $failed++;
        echo "FAIL $name: unexpected SOAP fault {$e->faultcode}: {$e->getMessage()}\n     "
            . json_encode($e->detail ?? null) . "\n";
    } catch (Throwable $e) {
        $failed++;
        echo "FAIL $name: " . get_class($e) . ': ' . $e->getMessage() . "\n";
    }
}

function wsseHeader(string $username, string $password): SoapHeader
{
    $xml = '<wsse:Security xmlns:wsse="' . WSSE . '"><wsse:UsernameToken>'
        . '<wsse:Username>' . htmlspecialchars($username, ENT_XML1) . '</wsse:Username>'
        . '<wsse:Password Type="' . PASSWORD_TEXT . '">' . htmlspecialchars($password, ENT_XML1) . '</wsse:Password>'
        . '</wsse:UsernameToken></wsse:Security>';
    return new SoapHeader(WSSE, 'Security', new SoapVar($xml, XSD_ANYXML), true);
}

function makeClient(bool $authenticated = true, int $version = SOAP_1_1): SoapClient
{
    global $wsdl, $apiKey;
    $client = new SoapClient($wsdl, [
        'soap_version' => $version,
        'trace' => true,
        'exceptions' => true,
        'cache_wsdl' => WSDL_CACHE_NONE,
        'features' => SOAP_SINGLE_ELEMENT_ARRAYS,
        'connection_timeout' => 30,
    ]);
    if ($authenticated) {
        $client->__setSoapHeaders([wsseHeader('api', $apiKey)]);
    }
    return $client;
}

/** Calls $op with extra SOAP headers (besides the client's WS-Security header). */
function callWith(SoapClient $client, string $op, array $args, array $headers = [])
{
    return $client->__soapCall($op, [$args], null, $headers);
}

function httpStatus(SoapClient $client): int
{
    $h = (string) $client->__getLastResponseHeaders();
    return preg_match('#^HTTP/\S+\s+(\d{3})#', $h, $m) ? (int) $m[1] : 0;
}

/** The StratumFault fields of the last response, read from the raw XML. */
function stratumFault(SoapClient $client, SoapFault $f): array
{
    $raw = (string) $client->__getLastResponse();
    ok(preg_match('#<(?:[\w.-]+:)?StratumFault\b[^>]*>(.*?)</(?:[\w.-]+:)?StratumFault>#s', $raw, $m) === 1,
        'no StratumFault in the fault detail: ' . substr($raw, 0, 500));
    $inner = $m[1];
    $field = function (string $name, string $in) {
        return preg_match('#<(?:[\w.-]+:)?' . $name . '\b[^>]*>(.*?)</(?:[\w.-]+:)?' . $name . '>#s', $in, $mm) === 1
            ? html_entity_decode($mm[1], ENT_XML1 | ENT_QUOTES) : null;
    };
    $errors = [];
    if (preg_match_all('#<(?:[\w.-]+:)?errors\b[^>]*>(.*?)</(?:[\w.-]+:)?errors>#s', $inner, $all)) {
        foreach ($all[1] as $e) {
            $errors[] = ['field' => $field('field', $e), 'code' => $field('code', $e), 'message' => $field('message', $e)];
        }
    }
    $outer = preg_replace('#<(?:[\w.-]+:)?errors\b[^>]*>.*?</(?:[\w.-]+:)?errors>#s', '', $inner);
    // The decoded detail as SoapClient gives it, for comparison.
    $decoded = isset($f->detail->StratumFault->code) ? (string) $f->detail->StratumFault->code : null;
    return [
        'code' => $field('code', $outer),
        'status' => $field('status', $outer),
        'title' => $field('title', $outer),
        'request_id' => $field('request_id', $outer),
        'errors' => $errors,
        'decoded_code' => $decoded,
    ];
}

function expectFault(SoapClient $client, callable $call, string $code, int $problemStatus, int $version = SOAP_1_1): array
{
    try {
        $r = $call();
    } catch (SoapFault $f) {
        $sf = stratumFault($client, $f);
        eq($sf['code'], $code, 'StratumFault code');
        eq($sf['decoded_code'], $code, 'SoapFault->detail->StratumFault->code');
        eq($sf['status'], (string) $problemStatus, 'StratumFault status');
        ok((string) $sf['title'] !== '', 'empty title');
        ok((string) $sf['request_id'] !== '', 'empty request_id');
        $clientSide = $problemStatus < 500;
        if ($version === SOAP_1_1) {
            ok((bool) preg_match('#(^|:)' . ($clientSide ? 'Client' : 'Server') . '$#', (string) $f->faultcode),
                "faultcode {$f->faultcode}");
            eq(httpStatus($client), 500, 'HTTP status');
        } else {
            ok((bool) preg_match('#(^|:)' . ($clientSide ? 'Sender' : 'Receiver') . '$#', (string) $f->faultcode),
                "Code/Value {$f->faultcode}");
            eq(httpStatus($client), $clientSide ? 400 : 500, 'HTTP status');
        }
        return $sf;
    }
    throw new CheckFailure("expected a fault $code, got " . substr(json_encode($r), 0, 300));
}

function entries($metadata): array
{
    $out = [];
    foreach (($metadata->entry ?? []) as $e) {
        $out[] = [$e->key, $e->value];
    }
    return $out;
}

check('SoapClient loads the WSDL; AccountCreate/AccountGet/AccountList are functions', function () use (&$state) {
    $state['c'] = makeClient();
    $fns = implode("\n", $state['c']->__getFunctions());
    foreach (['AccountCreate', 'AccountGet', 'AccountList', 'AccountUpdate', 'AuthTokenCreate'] as $op) {
        ok(str_contains($fns, " $op("), "no function $op in __getFunctions()");
    }
});

check('AccountCreate reseller (tier advanced, one metadata entry)', function () use (&$state, $run) {
    $name = "SOAP php reseller $run";
    $r = $state['c']->AccountCreate([
        'kind' => 'reseller',
        'name' => $name,
        'reseller_tier' => 'advanced',
        'metadata' => ['entry' => [['key' => 'crm_id', 'value' => "php-$run"]]],
    ])->AccountOut;
    ok(str_starts_with((string) $r->id, 'acc_'), "id {$r->id}");
    eq($r->kind, 'reseller', 'kind');
    eq($r->name, $name, 'name');
    eq($r->reseller_tier ?? null, 'advanced', 'reseller_tier');
    eq($r->status, 'active', 'status');
    eq((int) $r->version, 1, 'version');
    eq(entries($r->metadata ?? null), [['crm_id', "php-$run"]], 'metadata');
    ok(!isset($r->email), 'email should be omitted');
    $state['reseller'] = $r;
});

check('AccountCreate customer under the reseller (parent_id)', function () use (&$state, $run) {
    $name = "SOAP php customer $run";
    $r = $state['c']->AccountCreate(['kind' => 'customer', 'name' => $name, 'parent_id' => $state['reseller']->id,
        'tax_id' => 'DE123456789'])->AccountOut;
    eq($r->kind, 'customer', 'kind');
    eq($r->parent_id ?? null, $state['reseller']->id, 'parent_id');
    eq($r->name, $name, 'name');
    eq($r->tax_id ?? null, 'DE123456789', 'tax_id');
    $state['customer'] = $r;
});

check('AccountGet reads the customer back with the same fields', function () use (&$state) {
    $c = $state['customer'];
    $g = $state['c']->AccountGet(['id' => $c->id])->AccountOut;
    foreach (['id', 'kind', 'parent_id', 'name', 'status', 'tax_id', 'created_at', 'updated_at'] as $f) {
        eq($g->$f ?? null, $c->$f ?? null, $f);
    }
    eq((int) $g->version, (int) $c->version, 'version');
    ok(strtotime((string) $g->created_at) !== false, "created_at {$g->created_at}");
});

check('AccountList limit=2 followed through next_cursor: no repeats, both new accounts', function () use (&$state) {
    $seen = [];
    $cursor = null;
    $pages = 0;
    do {
        $args = ['limit' => 2];
        if ($cursor !== null) {
            $args['cursor'] = $cursor;
        }
        $page = $state['c']->AccountList($args)->AccountPage;
        $pages++;
        $data = $page->data ?? [];
        ok(count($data) <= 2, "page $pages has " . count($data) . ' accounts');
        foreach ($data as $a) {
            ok(!in_array($a->id, $seen, true), "{$a->id} repeated on page $pages");
            $seen[] = $a->id;
        }
        $cursor = $page->next_cursor ?? null;
        ok($cursor === null || count($data) > 0, "empty page $pages with a next_cursor");
        ok($pages < 500, 'more than 500 pages');
    } while ($cursor !== null && $cursor !== '');
    ok(in_array($state['reseller']->id, $seen, true), 'the reseller is missing');
    ok(in_array($state['customer']->id, $seen, true), 'the customer is missing');
    ok($pages >= 2, "only $pages page(s)");
});

check('Fault: AccountGet of a nonexistent id → Client fault, HTTP 500, not_found', function () use (&$state) {
    $c = $state['c'];
    expectFault($c, fn () => $c->AccountGet(['id' => NONEXISTENT]), 'not_found', 404);
});

check('Fault: AccountCreate with an empty name → validation_failed with errors[field=name]', function () use (&$state) {
    $c = $state['c'];
    $sf = expectFault($c, fn () => $c->AccountCreate(['kind' => 'customer', 'name' => '']), 'validation_failed', 422);
    ok(in_array('name', array_column($sf['errors'], 'field'), true), 'errors ' . json_encode($sf['errors']));
});

check('Fault: a call without credentials → unauthenticated', function () use (&$state) {
    $anon = makeClient(false);
    expectFault($anon, fn () => $anon->AccountGet(['id' => $state['customer']->id]), 'unauthenticated', 401);
});

check('Idempotency: AccountCreate twice with the same IdempotencyKey SOAP header → the same id', function () use (&$state, $run) {
    $c = $state['c'];
    $key = 'php-' . bin2hex(random_bytes(8));
    $args = ['kind' => 'customer', 'name' => "SOAP php idempotent $run", 'parent_id' => $state['reseller']->id];
    $h = [new SoapHeader(TNS, 'IdempotencyKey', $key)];
    $a = callWith($c, 'AccountCreate', $args, $h)->AccountOut;
    $b = callWith($c, 'AccountCreate', $args, $h)->AccountOut;
    eq($b->id, $a->id, 'id of the replay');
});

check('If-Match: AccountUpdate with IfMatch "1" → version 2; stale "1" again → version_mismatch', function () use (&$state, $run) {
    $c = $state['c'];
    $id = $state['customer']->id;
    $u = callWith($c, 'AccountUpdate', ['id' => $id, 'email' => "php-$run@example.com"], [new SoapHeader(TNS, 'IfMatch', '"1"')])->AccountOut;
    eq((int) $u->version, 2, 'version');
    eq($u->email ?? null, "php-$run@example.com", 'email');
    expectFault($c, fn () => callWith($c, 'AccountUpdate', ['id' => $id, 'email' => 'stale@example.com'],
        [new SoapHeader(TNS, 'IfMatch', '"1"')]), 'version_mismatch', 412);
});

check('SOAP 1.2: AccountGet reads the customer (application/soap+xml)', function () use (&$state) {
    $c12 = makeClient(true, SOAP_1_2);
    $g = $c12->AccountGet(['id' => $state['customer']->id])->AccountOut;
    eq($g->id, $state['customer']->id, 'id');
    ok(str_contains((string) $c12->__getLastResponse(), 'http://www.w3.org/2003/05/soap-envelope'), 'not a SOAP 1.2 envelope');
    ok((bool) preg_match('#content-type:\s*application/soap\+xml#i', (string) $c12->__getLastResponseHeaders()),
        'response Content-Type is not application/soap+xml');
    $state['c12'] = $c12;
});

check('SOAP 1.2 fault: AccountGet nonexistent → Sender, HTTP 400, not_found', function () use (&$state) {
    $c12 = $state['c12'] ?? makeClient(true, SOAP_1_2);
    expectFault($c12, fn () => $c12->AccountGet(['id' => NONEXISTENT]), 'not_found', 404, SOAP_1_2);
});

check('AuthTokenCreate over SOAP, then Authorization: Bearer over HTTP (stream context)', function () use (&$state, $apiKey, $wsdl) {
    $anon = makeClient(false);
    $t = $anon->AuthTokenCreate(['api_key' => $apiKey])->TokenOut;
    eq($t->token_type, 'Bearer', 'token_type');
    $ctx = stream_context_create(['http' => ['header' => "Authorization: Bearer {$t->access_token}\r\n"]]);
    $bearer = new SoapClient($wsdl, ['trace' => true, 'cache_wsdl' => WSDL_CACHE_NONE, 'stream_context' => $ctx,
        'features' => SOAP_SINGLE_ELEMENT_ARRAYS]);
    $g = $bearer->AccountGet(['id' => $state['reseller']->id])->AccountOut;
    eq($g->id, $state['reseller']->id, 'id');
});

echo "RESULT php $passed $failed\n";
exit($failed > 0 ? 1 : 0);
