"""Seeds a large account tree straight into a Stratum database (a SQLite file, or a
postgres:// URL through psql's COPY), for the subtree benchmark: 100 resellers under the
provider, 10 sub-resellers each, 99 customers under every sub-reseller (100,100 accounts).
Prints the id of one sub-reseller."""
import csv
import io
import sqlite3
import subprocess
import sys

db, provider_id, provider_path = sys.argv[1], sys.argv[2], sys.argv[3]
now = "2026-11-25 00:00:00"
columns = "id, kind, parent_id, path, name, status, reseller_tier, metadata, version, created_at, updated_at"
rows = []


def add(id_, kind, parent, path, tier):
    rows.append((id_, kind, parent, path, f"Bench {id_}", "active", tier, "{}", 1, now, now))


for r in range(100):
    rid = f"acc_BR{r:03d}"
    rpath = f"{provider_path}{rid}/"
    add(rid, "reseller", provider_id, rpath, "advanced")
    for s in range(10):
        sid = f"acc_BS{r:03d}{s:02d}"
        spath = f"{rpath}{sid}/"
        add(sid, "reseller", rid, spath, "basic")
        for c in range(99):
            cid = f"acc_BC{r:03d}{s:02d}{c:02d}"
            add(cid, "customer", sid, f"{spath}{cid}/", None)

if db.startswith(("postgres://", "postgresql://")):
    data = io.StringIO()
    csv.writer(data).writerows(["" if v is None else v for v in row] for row in rows)
    subprocess.run(["psql", "-qAt", "-v", "ON_ERROR_STOP=1", "-d", db, "-c",
                    f"\\copy accounts ({columns}) FROM STDIN WITH (FORMAT csv)"],
                   input=data.getvalue(), text=True, check=True)
    subprocess.run(["psql", "-qAt", "-d", db, "-c", "ANALYZE accounts"], check=True)
else:
    con = sqlite3.connect(db, timeout=30)
    con.execute("PRAGMA busy_timeout = 30000")
    con.executemany(f"INSERT INTO accounts ({columns}) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.commit()
print("acc_BS05005")
