from g import *
import json, os
def W(case, name, text, exp):
    d=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldout", case)
    os.makedirs(d, exist_ok=True)
    open(f"{d}/{name}","w").write(text)
    json.dump(exp, open(f"{d}/expected.json","w"), ensure_ascii=False, indent=1)
G=["review","suit_direct","suit_after_review"]; O=["upheld","corrected","other","pending","total"]
def rexp(vals): return {f"{g}_{o}": vals[i*5+j] for i,g in enumerate(G) for j,o in enumerate(O)}
LAB19=["一、本年新收政府信息公开申请数量","二、上年结转政府信息公开申请数量","（一）予以公开","（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
 "（三）不予公开 1.属于国家秘密","2.其他法律行政法规禁止公开","3.危及“三安全一稳定”","4.保护第三方合法权益","5.属于三类内部事务信息","6.属于四类过程性信息","7.属于行政执法案卷","8.属于行政查询事项",
 "（四）无法提供 1.本机关不掌握相关政府信息","2.没有现成信息需要另行制作","3.补正后申请内容仍不明确",
 "（五）不予处理 1.信访举报投诉类申请","2.重复申请","3.要求提供公开出版物","4.无正当理由大量反复申请","5.要求行政机关确认或重新出具已获取信息",
 "（六）其他处理","合计","四、结转下年度继续办理的申请数量"]
C19=[c for c in RCODES if not c.startswith("other_") or c=="other_handling"]
# D2: markdown archive copy with bold numbers, counts with 件, and 合计 for the totals.
rows=[["申请情况","自然人","商业企业","科研机构","社会公益组织","法律服务机构","其他","合计"]]
vals={}
for i,(lab,code) in enumerate(zip(LAB19,C19)):
    v=[i%4, (i+1)%3, 0, i%2, 0, 0]; v=v+[sum(v)]
    vals[code]=v
    printed=[f"**{x}**" if i%3==0 else f"{x}件" if i%3==1 else str(x) for x in v]
    rows.append([lab]+printed)
V=[0,0,1,0,1,2,0,0,0,2,0,0,0,1,1]
rev=[["行政复议","","","","","行政诉讼","","","","","","","","",""],["","","","","","未经复议直接起诉","","","","","复议后起诉","","","",""],
     ["结果维持","结果纠正","其他结果","尚未审结","合计"]*3,[f"**{x}**" for x in V]]
md="# 某某县民政局2020年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n"+md_table(rows)+"\n## 四、政府信息公开行政复议、行政诉讼情况\n\n"+md_table(rev)
W("md-2020-bold-units","input.md",md,{"template":"2019","requests":{c:dict(zip(COLS,v)) for c,v in vals.items()},"review_litigation":rexp(V)})
