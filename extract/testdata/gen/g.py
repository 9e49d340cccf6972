import json, os
COLS=["natural_person","commercial","research","social_org","legal_service","other_org","total"]
RCODES=["new_received","carried_over","granted","partially_granted","denied_state_secret","denied_law_prohibited","denied_security_stability","denied_third_party","denied_internal_affairs","denied_process_info","denied_enforcement_file","denied_inquiry","unavailable_not_held","unavailable_needs_creation","unavailable_unclear","not_processed_complaint","not_processed_repeat","not_processed_publication","not_processed_excessive","not_processed_confirmation","other_overdue_correction","other_unpaid_fee","other_other","other_handling","total_handled","carried_forward"]
def distinct(i):
    v=[i*10+c for c in range(6)]
    return v+[sum(v)]
def td(c):
    if isinstance(c, tuple):
        t, rs, cs = c
        a = ""
        if rs>1: a += f' rowspan="{rs}"'
        if cs>1: a += f' colspan="{cs}"'
        return f"<td{a}>{t}</td>"
    return f"<td>{'' if c is None else c}</td>"
def html_table(rows):
    return "<table border=\"1\">" + "".join("<tr>"+"".join(td(c) for c in r)+"</tr>\n" for r in rows) + "</table>\n"
def md_table(rows):
    out=[]
    for i,r in enumerate(rows):
        out.append("| " + " | ".join("" if c is None else str(c) for c in r) + " |")
        if i==0: out.append("|" + "---|"*len(r))
    return "\n".join(out)+"\n"
def txt_table(rows):
    return "\n".join("\t".join("" if c is None else str(c) for c in r) for r in rows)+"\n"
def html_doc(title, parts):
    return f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><h1>{title}</h1>' + "".join(parts) + "</body></html>\n"
def write(case, name, text, exp):
    d=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", case)
    os.makedirs(d, exist_ok=True)
    open(f"{d}/{name}","w").write(text)
    json.dump(exp, open(f"{d}/expected.json","w"), ensure_ascii=False, indent=1)
def reqexp(rows):
    return {code: dict(zip(COLS, vals)) for code, vals in rows}
