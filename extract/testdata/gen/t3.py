from g import *
STD2021 = [
("new_received",[("一、本年新收政府信息公开申请数量",1,3)]),
("carried_over",[("二、上年结转政府信息公开申请数量",1,3)]),
("granted",[("三、本年度办理结果",None,1),("（一）予以公开",1,2)]),
("partially_granted",[("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",1,2)]),
("denied_state_secret",[("（三）不予公开",8,1),"1.属于国家秘密"]),
("denied_law_prohibited",["2.其他法律行政法规禁止公开"]),
("denied_security_stability",["3.危及“三安全一稳定”"]),
("denied_third_party",["4.保护第三方合法权益"]),
("denied_internal_affairs",["5.属于三类内部事务信息"]),
("denied_process_info",["6.属于四类过程性信息"]),
("denied_enforcement_file",["7.属于行政执法案卷"]),
("denied_inquiry",["8.属于行政查询事项"]),
("unavailable_not_held",[("（四）无法提供",3,1),"1.本机关不掌握相关政府信息"]),
("unavailable_needs_creation",["2.没有现成信息需要另行制作"]),
("unavailable_unclear",["3.补正后申请内容仍不明确"]),
("not_processed_complaint",[("（五）不予处理",5,1),"1.信访举报投诉类申请"]),
("not_processed_repeat",["2.重复申请"]),
("not_processed_publication",["3.要求提供公开出版物"]),
("not_processed_excessive",["4.无正当理由大量反复申请"]),
("not_processed_confirmation",["5.要求行政机关确认或重新出具已获取信息"]),
]
HDR = [[("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",3,3),("申请人情况",1,7)],
        [("自然人",2,1),("法人或其他组织",1,5),("总计",2,1)],
        ["商业企业","科研机构","社会公益组织","法律服务机构","其他"]]
P2021 = [[("第二十条第（一）项",1,4)],["信息内容","本年制发件数","本年废止件数","现行有效件数"],
 ["规章","1","0","9"],["行政规范性文件","7","2","40"],
 [("第二十条第（五）项",1,4)],["信息内容",("本年处理决定数量",1,3)],["行政许可",("310",1,3)],
 [("第二十条第（六）项",1,4)],["信息内容",("本年处理决定数量",1,3)],["行政处罚",("95",1,3)],["行政强制",("4",1,3)],
 [("第二十条第（八）项",1,4)],["信息内容",("本年收费金额（万元）",1,3)],["行政事业性收费",("3.2",1,3)]]
PEXP2021 = {"regulations":{"issued":1,"repealed":0,"in_force":9},"normative_docs":{"issued":7,"repealed":2,"in_force":40},
 "licensing":{"decisions":310},"penalty":{"decisions":95},"coercion":{"decisions":4},"admin_fees":{"amount_10k_yuan":3.2}}
def fix(lab, n):
    return [(t[0], n, t[2]) if isinstance(t, tuple) and t[1] is None else t for t in lab]
# T7: html-2021-single-six: a 2021 report printing one （六）其他处理 row.
rows=[list(r) for r in HDR]; exp=[]
body = STD2021 + [("other_handling",[("（六）其他处理",1,2)]),("total_handled",[("（七）总计",1,2)]),("carried_forward",[("四、结转下年度继续办理",1,3)])]
for i,(code,lab) in enumerate(body):
    v=distinct(i+1); rows.append(fix(lab,20)+v); exp.append((code,v))
doc = html_doc("某某区人民政府2023年政府信息公开工作年度报告", ["<p>二、主动公开政府信息情况</p>", html_table(P2021), "<p>三、收到和处理政府信息公开申请情况</p>", html_table(rows)])
write("html-2021-single-six","input.html",doc,{"template":"2021","proactive":PEXP2021,"requests":reqexp(exp)})
# T8: txt-2021-three-six: 2021 in tab text with the three （六） rows and the parent on its own line.
def flat(lab):
    return [t[0] if isinstance(t, tuple) else t for t in lab]
rows=[["","","","自然人","商业企业","科研机构","社会公益组织","法律服务机构","其他","总计"]]; exp=[]
body = STD2021 + [("_", ["","（六）其他处理"]),
 ("other_overdue_correction",["","1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
 ("other_unpaid_fee",["","2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
 ("other_other",["","3.其他"]),
 ("total_handled",["","（七）总计"]),("carried_forward",["四、结转下年度继续办理"])]
for i,(code,lab) in enumerate(body):
    lab = flat(lab)
    lab = (lab + ["","",""])[:3]
    if code=="_":
        rows.append(lab); continue
    v=distinct(i+1); rows.append(lab+[str(x) for x in v]); exp.append((code,v))
ptxt = txt_table([[str(c[0]) if isinstance(c,tuple) else c for c in r] for r in P2021])
txt = "某某县2022年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"+ptxt+"\n三、收到和处理政府信息公开申请情况\n\n"+txt_table(rows)
write("txt-2021-three-six","input.txt",txt,{"template":"2021","proactive":PEXP2021,"requests":reqexp(exp)})
