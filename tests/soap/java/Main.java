// SOAP conformance checks with JAX-WS (the RI from Debian's jaxws packages, on JDK 17).
//
// Compiled against the stubs `wsimport -extension` generates from $STRATUM_SOAP_BASE/soap?wsdl
// (run.sh also checks that `wsimport` with default options turns the WSDL into compilable
// stubs). Authenticates with a WS-Security UsernameToken (the API key in $STRATUM_API_KEY as
// PasswordText, with a wsu:Timestamp as WCF sends it) added by a SOAPHandler, and calls
// AccountCreate, AccountGet, AccountList and a fault over StratumSoap11, and AccountGet and a
// fault over StratumSoap12. Prints one PASS/FAIL line per check and, last,
// `RESULT java <passed> <failed>`.

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.xml.bind.JAXBElement;
import javax.xml.namespace.QName;
import javax.xml.soap.SOAPElement;
import javax.xml.soap.SOAPEnvelope;
import javax.xml.soap.SOAPHeader;
import javax.xml.ws.BindingProvider;
import javax.xml.ws.handler.Handler;
import javax.xml.ws.handler.MessageContext;
import javax.xml.ws.handler.soap.SOAPHandler;
import javax.xml.ws.handler.soap.SOAPMessageContext;

import stratum.api.v1.AccountKind;
import stratum.api.v1.AccountOut;
import stratum.api.v1.AccountPage;
import stratum.api.v1.ErrorCode;
import stratum.api.v1.Problem;
import stratum.api.v1.ResellerTier;
import stratum.api.v1.Stratum;
import stratum.api.v1.StratumFault;
import stratum.api.v1.StratumPortType;
import stratum.api.v1.StringMap;

public final class Main {
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String PASSWORD_TEXT =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    static final String NONEXISTENT = "acc_00000000000000000000000000";

    static int passed = 0;
    static int failed = 0;
    static final Map<String, Object> state = new LinkedHashMap<>();

    interface Check {
        void run() throws Throwable;
    }

    static final class CheckFailure extends Exception {
        CheckFailure(String message) {
            super(message);
        }
    }

    static void check(String name, Check body) {
        try {
            body.run();
            passed++;
            System.out.println("PASS " + name);
        } catch (CheckFailure e) {
            failed++;
            System.out.println("FAIL " + name + ": " + e.getMessage());
        } catch (StratumFault e) {
            failed++;
            Problem p = e.getFaultInfo();
            System.out.println("FAIL " + name + ": unexpected fault " + (p == null ? e : p.getCode() + " " + p.getDetail()));
        } catch (Throwable e) {
            failed++;
            System.out.println("FAIL " + name + ": " + e);
        }
    }

    static void ok(boolean cond, String message) throws CheckFailure {
        if (!cond) throw new CheckFailure(message);
    }

    static void eq(Object actual, Object expected, String what) throws CheckFailure {
        if (actual == null ? expected != null : !actual.equals(expected)) {
            throw new CheckFailure(what + ": expected " + expected + ", got " + actual);
        }
    }

    static <T> T value(JAXBElement<T> e) {
        return e == null || e.isNil() ? null : e.getValue();
    }

    /** Adds the UsernameToken (and a Timestamp) to requests; reads the response's Timestamp and HTTP status. */
    static final class UsernameToken implements SOAPHandler<SOAPMessageContext> {
        final String key;
        volatile String responseCreated;
        volatile String responseExpires;
        volatile Integer httpStatus;

        UsernameToken(String key) {
            this.key = key;
        }

        @Override
        public Set<QName> getHeaders() {
            return Set.of(new QName(WSSE, "Security"));
        }

        @Override
        public boolean handleMessage(SOAPMessageContext ctx) {
            try {
                if ((Boolean) ctx.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY)) {
                    responseCreated = null;
                    responseExpires = null;
                    SOAPEnvelope env = ctx.getMessage().getSOAPPart().getEnvelope();
                    SOAPHeader header = env.getHeader() != null ? env.getHeader() : env.addHeader();
                    SOAPElement security = header.addChildElement("Security", "wsse", WSSE);
                    security.addNamespaceDeclaration("wsu", WSU);
                    Instant now = Instant.now();
                    SOAPElement ts = security.addChildElement("Timestamp", "wsu");
                    ts.addChildElement("Created", "wsu").addTextNode(now.truncatedTo(ChronoUnit.MILLIS).toString());
                    ts.addChildElement("Expires", "wsu").addTextNode(now.plusSeconds(300).truncatedTo(ChronoUnit.MILLIS).toString());
                    SOAPElement token = security.addChildElement("UsernameToken", "wsse");
                    token.addChildElement("Username", "wsse").addTextNode("api");
                    SOAPElement password = token.addChildElement("Password", "wsse");
                    password.setAttribute("Type", PASSWORD_TEXT);
                    password.addTextNode(key);
                } else {
                    inbound(ctx);
                }
                return true;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }

        void inbound(SOAPMessageContext ctx) throws Exception {
            httpStatus = (Integer) ctx.get(MessageContext.HTTP_RESPONSE_CODE);
            SOAPHeader header = ctx.getMessage().getSOAPPart().getEnvelope().getHeader();
            if (header == null) return;
            for (var s = header.getChildElements(new QName(WSSE, "Security")); s.hasNext(); ) {
                SOAPElement security = (SOAPElement) s.next();
                for (var t = security.getChildElements(new QName(WSU, "Timestamp")); t.hasNext(); ) {
                    SOAPElement ts = (SOAPElement) t.next();
                    responseCreated = text(ts, "Created");
                    responseExpires = text(ts, "Expires");
                }
            }
        }

        static String text(SOAPElement parent, String local) {
            var it = parent.getChildElements(new QName(WSU, local));
            return it.hasNext() ? ((SOAPElement) it.next()).getValue() : null;
        }

        @Override
        public boolean handleFault(SOAPMessageContext ctx) {
            try {
                inbound(ctx);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            return true;
        }

        @Override
        public void close(MessageContext ctx) {}
    }

    static StratumPortType port(Stratum service, boolean soap12, UsernameToken token) {
        StratumPortType port = soap12 ? service.getStratumSoap12() : service.getStratumSoap11();
        BindingProvider bp = (BindingProvider) port;
        @SuppressWarnings("rawtypes")
        List<Handler> chain = new ArrayList<>(bp.getBinding().getHandlerChain());
        chain.add(token);
        bp.getBinding().setHandlerChain(chain);
        return port;
    }

    /**
     * Calls an operation with its arguments by element name, the others omitted: the generated
     * method takes one parameter per request element, in the WSDL's order.
     */
    static Object call(StratumPortType port, String operation, Map<String, Object> args) throws Throwable {
        for (Method m : StratumPortType.class.getMethods()) {
            WebMethod wm = m.getAnnotation(WebMethod.class);
            if (wm == null || !wm.operationName().equals(operation)) continue;
            Object[] values = new Object[m.getParameterCount()];
            Annotation[][] annotations = m.getParameterAnnotations();
            Set<String> used = new HashSet<>();
            for (int i = 0; i < values.length; i++) {
                for (Annotation a : annotations[i]) {
                    if (a instanceof WebParam && args.containsKey(((WebParam) a).name())) {
                        values[i] = args.get(((WebParam) a).name());
                        used.add(((WebParam) a).name());
                    }
                }
            }
            ok(used.equals(args.keySet()), operation + " has no parameter(s) among " + args.keySet());
            try {
                return m.invoke(port, values);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
        throw new CheckFailure("no operation " + operation);
    }

    static Problem expectFault(UsernameToken token, int httpStatus, Check body, ErrorCode code, int problemStatus)
            throws Throwable {
        try {
            body.run();
        } catch (StratumFault e) {
            Problem p = e.getFaultInfo();
            ok(p != null, "a StratumFault without its Problem");
            eq(p.getCode(), code, "StratumFault code");
            eq(p.getStatus(), problemStatus, "StratumFault status");
            ok(value(p.getRequestId()) != null, "no request_id");
            eq(token.httpStatus, httpStatus, "HTTP status");
            return p;
        }
        throw new CheckFailure("expected the fault " + code.value());
    }

    public static void main(String[] argv) throws Exception {
        String base = System.getenv("STRATUM_SOAP_BASE").replaceAll("/+$", "");
        String key = System.getenv("STRATUM_API_KEY");
        String run = Long.toHexString(System.nanoTime());
        UsernameToken token = new UsernameToken(key);

        check("JAX-WS loads the WSDL; service Stratum has the ports StratumSoap11 and StratumSoap12", () -> {
            Stratum service = new Stratum(new URL(base + "/soap?wsdl"));
            state.put("soap11", port(service, false, token));
            state.put("soap12", port(service, true, token));
            String address = (String) ((BindingProvider) state.get("soap11")).getRequestContext()
                .get(BindingProvider.ENDPOINT_ADDRESS_PROPERTY);
            eq(address, base + "/soap", "the port's address");
        });
        StratumPortType soap11 = (StratumPortType) state.get("soap11");
        StratumPortType soap12 = (StratumPortType) state.get("soap12");

        check("AccountCreate reseller (tier advanced, one metadata entry) returns an AccountOut", () -> {
            StringMap metadata = new StringMap();
            StringMap.Entry entry = new StringMap.Entry();
            entry.setKey("crm_id");
            entry.setValue("java-" + run);
            metadata.getEntry().add(entry);
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("kind", AccountKind.RESELLER);
            args.put("name", "SOAP java reseller " + run);
            args.put("reseller_tier", ResellerTier.ADVANCED);
            args.put("metadata", metadata);
            AccountOut r = (AccountOut) call(soap11, "AccountCreate", args);
            ok(r.getId().startsWith("acc_"), "id " + r.getId());
            eq(r.getKind(), AccountKind.RESELLER, "kind");
            eq(value(r.getResellerTier()), ResellerTier.ADVANCED, "reseller_tier");
            eq(r.getVersion(), 1L, "version");
            eq(r.getMetadata().getEntry().get(0).getValue(), "java-" + run, "metadata crm_id");
            ok(value(r.getEmail()) == null, "email should be omitted");
            state.put("reseller", r);
        });

        check("AccountCreate customer under the reseller (parent_id)", () -> {
            AccountOut reseller = (AccountOut) state.get("reseller");
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("kind", AccountKind.CUSTOMER);
            args.put("name", "SOAP java customer " + run);
            args.put("parent_id", reseller.getId());
            AccountOut r = (AccountOut) call(soap11, "AccountCreate", args);
            eq(value(r.getParentId()), reseller.getId(), "parent_id");
            state.put("customer", r);
        });

        check("The response's wsse:Security carries a wsu:Timestamp (Created, Expires) as the request's did", () -> {
            ok(token.responseCreated != null && token.responseExpires != null,
                "no wsu:Timestamp in the response: " + token.responseCreated + " " + token.responseExpires);
            Instant created = Instant.parse(token.responseCreated);
            Instant expires = Instant.parse(token.responseExpires);
            ok(expires.isAfter(created), "Expires " + expires + " not after Created " + created);
            ok(Math.abs(created.getEpochSecond() - Instant.now().getEpochSecond()) < 120, "Created " + created);
        });

        check("AccountGet reads the customer back (typed: AccountOut accountGet(String id))", () -> {
            AccountOut c = (AccountOut) state.get("customer");
            AccountOut g = soap11.accountGet(c.getId());
            eq(g.getId(), c.getId(), "id");
            eq(g.getName(), c.getName(), "name");
            eq(g.getCreatedAt(), c.getCreatedAt(), "created_at");
        });

        check("AccountList limit=1 followed through next_cursor reaches both new accounts", () -> {
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("limit", 1L);
                if (cursor != null) args.put("cursor", cursor);
                AccountPage page = (AccountPage) call(soap11, "AccountList", args);
                ok(page.getData().size() <= 1, "a page of " + page.getData().size());
                for (AccountOut a : page.getData()) ok(seen.add(a.getId()), a.getId() + " repeated");
                cursor = value(page.getNextCursor());
                ok(++pages < 500, "more than 500 pages");
            } while (cursor != null);
            ok(seen.contains(((AccountOut) state.get("reseller")).getId()), "the reseller is missing");
            ok(seen.contains(((AccountOut) state.get("customer")).getId()), "the customer is missing");
        });

        check("Fault: AccountGet of a nonexistent id → StratumFault not_found (404), HTTP 500", () ->
            expectFault(token, 500, () -> soap11.accountGet(NONEXISTENT), ErrorCode.NOT_FOUND, 404));

        check("Fault: AccountCreate with an empty name → validation_failed with errors[field=name]", () -> {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("kind", AccountKind.CUSTOMER);
            args.put("name", "");
            Problem p = expectFault(token, 500, () -> call(soap11, "AccountCreate", args), ErrorCode.VALIDATION_FAILED, 422);
            ok(p.getErrors().stream().anyMatch(e -> "name".equals(e.getField())), "no error for the field name");
        });

        check("SOAP 1.2 port: AccountGet reads the reseller", () -> {
            AccountOut r = (AccountOut) state.get("reseller");
            eq(soap12.accountGet(r.getId()).getId(), r.getId(), "id");
            eq(token.httpStatus, 200, "HTTP status");
        });

        check("SOAP 1.2 fault: AccountGet nonexistent → StratumFault not_found, HTTP 400 (Sender)", () ->
            expectFault(token, 400, () -> soap12.accountGet(NONEXISTENT), ErrorCode.NOT_FOUND, 404));

        System.out.println("RESULT java " + passed + " " + failed);
        System.exit(failed > 0 ? 1 : 0);
    }
}
