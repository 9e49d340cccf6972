from g import *
import json, os
def W(case, name, text, exp):
    d=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldout", case)
    os.makedirs(d, exist_ok=True)
    open(f"{d}/{name}","w").write(text)
    json.dump(exp, open(f"{d}/expected.json","w"), ensure_ascii=False, indent=1)
G=["review","suit_direct","suit_after_review"]; O=["upheld","corrected","other","pending","total"]
def rexp(vals): return {f"{g}_{o}": vals[i*5+j] for i,g in enumerate(G) for j,o in enumerate(O)}
# E1: requests labels as SCHEMA's one-column paths 三（三）1 …; review as 行政复议 row (5) and 行政诉讼 row (10).
L1=["一、本年新收政府信息公开申请数量","二、上年结转政府信息公开申请数量","三（一）予以公开","三（二）部分公开","三（三）1 属于国家秘密","三（三）2 其他法律行政法规禁止公开","三（三）3 危及“三安全一稳定”","三（三）4 保护第三方合法权益","三（三）5 属于三类内部事务信息","三（三）6 属于四类过程性信息","三（三）7 属于行政执法案卷","三（三）8 属于行政查询事项",
 "三（四）1 本机关不掌握相关政府信息","三（四）2 没有现成信息需要另行制作","三（四）3 补正后申请内容仍不明确","三（五）1 信访举报投诉类申请","三（五）2 重复申请","三（五）3 要求提供公开出版物","三（五）4 无正当理由大量反复申请","三（五）5 要求行政机关确认或重新出具已获取信息","三（六）其他处理","三（七）总计","四、结转下年度继续办理"]
C19=[c for c in RCODES if not c.startswith("other_") or c=="other_handling"]
rows=[["项目","自然人","商业企业","科研机构","社会公益组织","法律服务机构","其他","总计"]]; R={}
for i,(lab,code) in enumerate(zip(L1,C19)):
    v=[(i*3)%7,(i%5==0)*2,0,(i%7==3)*1,0,(i%4==1)*1]; v=v+[sum(v)]
    rows.append([lab]+[str(x) for x in v]); R[code]=dict(zip(COLS,v))
V=[2,1,0,0,3,1,1,0,2,4,0,0,0,1,1]
rev=[["","结果维持","结果纠正","其他结果","尚未审结","总计","结果维持","结果纠正","其他结果","尚未审结","总计"],
     ["","","","","","","未经复议直接起诉","","","","复议后起诉"],
     ["行政复议"]+[str(x) for x in V[:5]]+["","","","",""],
     ["行政诉讼"]+[str(x) for x in V[5:]]]
doc=html_doc("某某省某某厅2019年政府信息公开工作年度报告",["<p>三、收到和处理政府信息公开申请情况</p>",html_table(rows),"<p>四、政府信息公开行政复议、行政诉讼情况</p>",html_table(rev)])
W("html-2019-path-labels","input.html",doc,{"template":"2019","requests":R,"review_litigation":rexp(V)})
# E3: 2019 proactive with changes in words and 0.00 amounts, 万元 in header.
P=[["信息内容","本年新制作数量","本年新公开数量","对外公开总数量"],["规章","0","0","3"],["规范性文件","2","2","41"],
   ["信息内容","上一年项目数量","本年增/减","处理决定数量"],["行政许可","33","增加3","36"],["其他对外管理服务事项","5","持平","5"],
   ["行政处罚","12","减少1","11"],["行政强制","0","持平","0"],
   ["信息内容","上一年项目数量","本年增/减",""],["行政事业性收费","2","持平",""],
   ["信息内容","采购项目数量","采购总金额（万元）",""],["政府集中采购","0","0.00",""]]
md="## 二、主动公开政府信息情况\n\n"+md_table(P)
W("md-2019-change-words","input.md",md,{"template":"2019","proactive":{
 "regulations":{"new_made":0,"new_published":0,"total_published":3},"normative_docs":{"new_made":2,"new_published":2,"total_published":41},
 "licensing":{"prev_items":33,"change":3,"decisions":36},"other_mgmt_services":{"prev_items":5,"change":0,"decisions":5},
 "penalty":{"prev_items":12,"change":-1,"decisions":11},"coercion":{"prev_items":0,"change":0,"decisions":0},
 "admin_fees":{"prev_items":2,"change":0},"central_procurement":{"projects":0,"amount_10k_yuan":0}}})
