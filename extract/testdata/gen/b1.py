from g import *
import json, os
def W(case, name, text, exp):
    d=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldout", case)
    os.makedirs(d, exist_ok=True)
    open(f"{d}/{name}","w").write(text)
    json.dump(exp, open(f"{d}/expected.json","w"), ensure_ascii=False, indent=1)
G=["review","suit_direct","suit_after_review"]; O=["upheld","corrected","other","pending","total"]
def rexp(vals): return {f"{g}_{o}": vals[i*5+j] for i,g in enumerate(G) for j,o in enumerate(O)}
OUT=["结果维持","结果纠正","其他结果","尚未审结","总计"]

# B1: whole report in one 8-column table with heading rows; traditional characters in some labels.
rows=[[("一、總體情況",1,8)],[("本年度本辦嚴格執行條例。",1,8)],[("二、主動公開政府信息情況",1,8)],
 [("第二十條第（一）項",1,8)],["信息內容",("本年新製作數量",1,2),("本年新公開數量",1,2),("對外公開總數量",1,3)],
 ["規章",("2",1,2),("2",1,2),("15",1,3)],["規範性文件",("11",1,2),("11",1,2),("203",1,3)],
 [("第二十條第（五）項",1,8)],["信息內容",("上一年項目數量",1,2),("本年增/減",1,2),("處理決定數量",1,3)],
 ["行政許可",("45",1,2),("+5",1,2),("50",1,3)],["其他對外管理服務事項",("3",1,2),("0",1,2),("12",1,3)],
 [("第二十條第（六）項",1,8)],["信息內容",("上一年項目數量",1,2),("本年增/減",1,2),("處理決定數量",1,3)],
 ["行政處罰",("6",1,2),("-1",1,2),("33",1,3)],["行政強制",("0",1,2),("0",1,2),("0",1,3)],
 [("第二十條第（八）項",1,8)],["信息內容",("上一年項目數量",1,2),("本年增/減",1,5)],
 ["行政事業性收費",("1",1,2),("0",1,5)],
 [("第二十條第（九）項",1,8)],["信息內容",("採購項目數量",1,2),("採購總金額",1,5)],
 ["政府集中採購",("7",1,2),("88.6",1,5)],
 [("三、收到和處理政府信息公開申請情況",1,8)],
 ["","自然人","商業企業","科研機構","社會公益組織","法律服務機構","其他","總計"]]
R=[("new_received","一、本年新收政府信息公開申請數量",[9,1,0,0,0,0,10]),
 ("carried_over","二、上年結轉政府信息公開申請數量",[1,0,0,0,0,0,1]),
 ("granted","三、本年度辦理結果（一）予以公開",[4,1,0,0,0,0,5]),
 ("partially_granted","（二）部分公開（區分處理的，只計這一情形，不計其他情形）",[1,0,0,0,0,0,1]),
 ("denied_state_secret","（三）不予公開 1.屬於國家秘密",[0,0,0,0,0,0,0]),
 ("denied_law_prohibited","2.其他法律行政法規禁止公開",[0,0,0,0,0,0,0]),
 ("denied_security_stability","3.危及“三安全一穩定”",[0,0,0,0,0,0,0]),
 ("denied_third_party","4.保護第三方合法權益",[1,0,0,0,0,0,1]),
 ("denied_internal_affairs","5.屬於三類內部事務信息",[0,0,0,0,0,0,0]),
 ("denied_process_info","6.屬於四類過程性信息",[0,0,0,0,0,0,0]),
 ("denied_enforcement_file","7.屬於行政執法案卷",[0,0,0,0,0,0,0]),
 ("denied_inquiry","8.屬於行政查詢事項",[0,0,0,0,0,0,0]),
 ("unavailable_not_held","（四）無法提供 1.本機關不掌握相關政府信息",[3,0,0,0,0,0,3]),
 ("unavailable_needs_creation","2.沒有現成信息需要另行製作",[0,0,0,0,0,0,0]),
 ("unavailable_unclear","3.補正後申請內容仍不明確",[0,0,0,0,0,0,0]),
 ("not_processed_complaint","（五）不予處理 1.信訪舉報投訴類申請",[1,0,0,0,0,0,1]),
 ("not_processed_repeat","2.重複申請",[0,0,0,0,0,0,0]),
 ("not_processed_publication","3.要求提供公開出版物",[0,0,0,0,0,0,0]),
 ("not_processed_excessive","4.無正當理由大量反復申請",[0,0,0,0,0,0,0]),
 ("not_processed_confirmation","5.要求行政機關確認或重新出具已獲取信息",[0,0,0,0,0,0,0]),
 ("other_handling","（六）其他處理",[0,0,0,0,0,0,0]),
 ("total_handled","（七）總計",[10,1,0,0,0,0,11]),
 ("carried_forward","四、結轉下年度繼續辦理",[0,0,0,0,0,0,0])]
for code,lab,v in R: rows.append([lab]+[str(x) for x in v])
rows.append([("四、政府信息公開行政複議、行政訴訟情況",1,8)])
rows.append([("行政複議",1,5),("行政訴訟",1,3)])
rows.append(["結果維持","結果糾正","其他結果","尚未審結","總計",("（含未經複議直接起訴和複議後起訴）",1,3)])
V=[0]*15
rows.append([str(x) for x in V[:5]]+[("",1,3)])
html=html_doc("某某市某某局2020年政府信息公開工作年度報告",[html_table(rows)])
# review printed as one group row only (5 values) — suits not printed at all
W("html-2020-traditional-one-table","input.html",html,{"template":"2019",
 "proactive":{"regulations":{"new_made":2,"new_published":2,"total_published":15},"normative_docs":{"new_made":11,"new_published":11,"total_published":203},
  "licensing":{"prev_items":45,"change":5,"decisions":50},"other_mgmt_services":{"prev_items":3,"change":0,"decisions":12},
  "penalty":{"prev_items":6,"change":-1,"decisions":33},"coercion":{"prev_items":0,"change":0,"decisions":0},
  "admin_fees":{"prev_items":1,"change":0},"central_procurement":{"projects":7,"amount_10k_yuan":88.6}},
 "requests":{code:dict(zip(COLS,v)) for code,_,v in R},
 # Only the 行政复议 group is printed: its five zeros; the suits are not printed.
 "review_litigation":{"review_upheld":0,"review_corrected":0,"review_other":0,"review_pending":0,"review_total":0}})

# B2: markdown with no section headings; requests table without an applicant header row; 2021.
P=[["信息内容","本年制发件数","本年废止件数","现行有效件数"],["规章","0","0","0"],["行政规范性文件","3","0","19"],
   ["信息内容","本年处理决定数量","",""],["行政许可","640","",""],["行政处罚","81","",""],["行政强制","2","",""],
   ["信息内容","本年收费金额（万元）","",""],["行政事业性收费","15.3","",""]]
labs=["一、本年新收政府信息公开申请数量","二、上年结转政府信息公开申请数量","三、本年度办理结果 （一）予以公开","（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
 "（三）不予公开 1.属于国家秘密","2.其他法律行政法规禁止公开","3.危及“三安全一稳定”","4.保护第三方合法权益","5.属于三类内部事务信息","6.属于四类过程性信息","7.属于行政执法案卷","8.属于行政查询事项",
 "（四）无法提供 1.本机关不掌握相关政府信息","2.没有现成信息需要另行制作","3.补正后申请内容仍不明确",
 "（五）不予处理 1.信访举报投诉类申请","2.重复申请","3.要求提供公开出版物","4.无正当理由大量反复申请","5.要求行政机关确认或重新出具已获取信息",
 "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请","2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请","3.其他",
 "（七）总计","四、结转下年度继续办理"]
codes=[c for c in RCODES if c!="other_handling"]
reqrows=[]; rq={}
for i,(lab,code) in enumerate(zip(labs,codes)):
    v=[i,0,1 if i%4==0 else 0,0,0,0]; v=v+[sum(v)]
    reqrows.append([lab]+[str(x) for x in v]); rq[code]=dict(zip(COLS,v))
V=[3,0,0,1,4,2,1,0,0,3,0,0,0,1,1]
T=[["行政复议","","","","","行政诉讼","","","","","","","","",""],["结果维持","结果纠正","其他结果","尚未审结","总计"]*3,[str(x) for x in V]]
md="# 某某区交通局2022年度政府信息公开工作年度报告\n\n本局本年度政府信息公开情况如下。\n\n"+md_table(P)+"\n\n"+md_table([["项目","","","","","","",""]]+reqrows)+"\n\n"+md_table(T)
W("md-2022-no-headings","input.md",md,{"template":"2021",
 "proactive":{"regulations":{"issued":0,"repealed":0,"in_force":0},"normative_docs":{"issued":3,"repealed":0,"in_force":19},
  "licensing":{"decisions":640},"penalty":{"decisions":81},"coercion":{"decisions":2},"admin_fees":{"amount_10k_yuan":15.3}},
 "requests":rq,"review_litigation":rexp(V)})
