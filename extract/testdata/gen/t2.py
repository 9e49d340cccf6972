from g import *
# T4: txt-requests-ocr: OCR garbling in a tab text table (Ξ, =, stray spaces, underline markup, broken cells, 量→虽, U for 0).
labs = [
("new_received",["一、","本年新收政府信息公开 申请数虽"]),
("carried_over",["=、上年结转政府信息","公开申请数量"]),
("granted",["Ξ","(-  -) 予以公开"]),
("partially_granted",["、本年","(<u>=</u>)部分公开(区分处理的,只计这一情"]),
("denied_state_secret",["度办","(Ξ) 1. 属于国家秘 密"]),
("denied_law_prohibited",["理结果","2. 其他法律行政法规禁止公 开"]),
("denied_security_stability",["","3. 危及\"三安 全一稳定\""]),
("denied_third_party",["","4. 保护第三方 合法权益"]),
("denied_internal_affairs",["","5. 属于三类内部事务信息"]),
("denied_process_info",["","6. 属于四类过程性信息"]),
("denied_enforcement_file",["","7. 属于行政执 法案卷"]),
("denied_inquiry",["","8. 属于行政査询事项"]),
("unavailable_not_held",["(四) 无法 提供","1. 本机关不掌 握相关政府信 息"]),
("unavailable_needs_creation",["","2. 没有现成信 息需要另行制 作"]),
("unavailable_unclear",["","3. 补正后申请 内容仍不明确"]),
("not_processed_complaint",["(五)","1. 信访举报投 诉类申请"]),
("not_processed_repeat",["不予","2. 重复申请"]),
("not_processed_publication",["处理","3. 要求提供公 开出版物"]),
("not_processed_excessive",["","4. 无正当理由 大量反复申请"]),
("not_processed_confirmation",["","5. 要求行政机 关确认或重新 出具已获取信 息"]),
("other_handling",["(六) 其他处理",""]),
("total_handled",["(七)总计",""]),
("carried_forward",["四、","结转下年度继续 办理"]),
]
rows=[["","申请人情况"],["","","自然人","商业企业","科研机构","社会 公益 组织","法律 服务 机构","其他","总计"]]
exp=[]
for i,(code,lab) in enumerate(labs):
    v=distinct(i+1)
    printed=[str(x) for x in v]
    if i % 4 == 1:
        printed=[p.replace("0","U") for p in printed]
    if i % 4 == 2:
        printed=[p.replace("0","O") for p in printed]
    rows.append(lab+printed); exp.append((code,v))
txt = "某某街道2019年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n" + txt_table(rows)
write("txt-requests-ocr","input.txt",txt,{"requests":reqexp(exp)})

# T5: html-requests-dropped: a 2019 table missing rows (denied_security_stability, unavailable_unclear, not_processed_excessive), labels in two columns.
keep = [
("new_received",[("一、本年新收政府信息公开申请数量",1,2)]),
("carried_over",[("二、上年结转政府信息公开申请数量",1,2)]),
("granted",[("三、本年度办理结果",19,1),"（一）予以公开"]),
("partially_granted",["（二）部分公开"]),
("denied_state_secret",["（三）不予公开 1.属于国家秘密"]),
("denied_law_prohibited",["（三）不予公开 2.其他法律行政法规禁止公开"]),
("denied_third_party",["（三）不予公开 4.保护第三方合法权益"]),
("denied_internal_affairs",["（三）不予公开 5.属于三类内部事务信息"]),
("denied_process_info",["（三）不予公开 6.属于四类过程性信息"]),
("denied_enforcement_file",["（三）不予公开 7.属于行政执法案卷"]),
("denied_inquiry",["（三）不予公开 8.属于行政查询事项"]),
("unavailable_not_held",["（四）无法提供 1.本机关不掌握相关政府信息"]),
("unavailable_needs_creation",["（四）无法提供 2.没有现成信息需要另行制作"]),
("not_processed_complaint",["（五）不予处理 1.信访举报投诉类申请"]),
("not_processed_repeat",["（五）不予处理 2.重复申请"]),
("not_processed_publication",["（五）不予处理 3.要求提供公开出版物"]),
("not_processed_confirmation",["（五）不予处理 5.要求行政机关确认或重新出具已获取信息"]),
("other_handling",["（六）其他处理"]),
("total_handled",["（七）总计"]),
("carried_forward",[("四、结转下年度继续办理",1,2)]),
]
rows=[[("",1,2),"自然人","商业企业","科研机构","社会公益组织","法律服务机构","其他","总计"]]
exp=[]
for i,(code,lab) in enumerate(keep):
    v=distinct(i+2); rows.append(lab+v); exp.append((code,v))
doc = html_doc("某某局2020年政府信息公开工作年度报告", ["<p>三、收到和处理政府信息公开申请情况</p>", html_table(rows)])
write("html-requests-dropped","input.html",doc,{"requests":reqexp(exp)})

# T6: md-requests-split-labels: labels broken over two or three lines; values on the first, the second, the middle of three, or on two lines that agree.
E=[""]*7
rows=[["","自然人","商业企业","科研机构","社会公益组织","法律服务机构","其他","总计"]]
exp=[]
def add(code, parts, vals, where):
    # where: index of the part carrying the values, or "both" (first two, equal)
    for k,p in enumerate(parts):
        if where=="both" and k<2 or k==where:
            rows.append([p]+[str(x) for x in vals])
        else:
            rows.append([p]+E)
    exp.append((code, vals))
add("new_received",["一、本年新收政府信息公开","申请数量"],distinct(1),0)
add("carried_over",["二、上年结转政府信息","公开申请数量"],distinct(2),1)
add("granted",["三、本年度办理结果（一）予以公开"],distinct(3),0)
add("partially_granted",["（二）部分公开（区分处理的，","只计这一情形，不计其他情","形）"],distinct(4),1)
add("denied_state_secret",["（三）不予公开 1.属于国家秘密"],distinct(5),0)
add("denied_law_prohibited",["2.其他法律行政法规禁止","公开"],distinct(6),0)
add("denied_security_stability",["3.危及“三安全一稳定”"],distinct(7),0)
add("denied_third_party",["4.保护第三方合法权益"],distinct(8),0)
add("denied_internal_affairs",["5.属于三类内部事务","信息"],distinct(9),"both")
add("denied_process_info",["6.属于四类过程性信息"],distinct(10),0)
add("denied_enforcement_file",["7.属于行政执法案卷"],distinct(11),0)
add("denied_inquiry",["8.属于行政查询事项"],distinct(12),0)
add("unavailable_not_held",["（四）无法提供 1.本机关不掌握","相关政府信息"],distinct(13),1)
add("unavailable_needs_creation",["2.没有现成信息需要另行制作"],distinct(14),0)
add("unavailable_unclear",["3.补正后申请内容仍不明确"],distinct(15),0)
add("not_processed_complaint",["（五）不予处理 1.信访举报","投诉类申请"],distinct(16),0)
add("not_processed_repeat",["2.重复申请"],distinct(17),0)
add("not_processed_publication",["3.要求提供公开出版物"],distinct(18),0)
add("not_processed_excessive",["4.无正当理由大量反复申请"],distinct(19),0)
add("not_processed_confirmation",["5.要求行政机关确认或重","新出具已获取","信息"],distinct(20),1)
add("other_handling",["（六）其他处理"],distinct(21),0)
add("total_handled",["（七）总计"],distinct(22),0)
add("carried_forward",["四、结转下年度继续","办理"],distinct(23),1)
md = "## 三、收到和处理政府信息公开申请情况\n\n" + md_table(rows)
write("md-requests-split-labels","input.md",md,{"requests":reqexp(exp)})
