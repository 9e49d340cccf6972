from g import *
G=["review","suit_direct","suit_after_review"]; O=["upheld","corrected","other","pending","total"]
def rexp(vals):
    return {f"{g}_{o}": vals[i*5+j] for i,g in enumerate(G) for j,o in enumerate(O)}
OUT=["结果维持","结果纠正","其他结果","尚未审结","总计"]
# T13: html-review-one-row: the template's header with rowspans and one row of fifteen.
V=[4,1,2,0,7,3,0,1,1,5,2,1,0,0,3]
T=[[("行政复议",1,5),("行政诉讼",1,10)],
   [("结果维持",2,1),("结果纠正",2,1),("其他结果",2,1),("尚未审结",2,1),("总计",2,1),("未经复议直接起诉",1,5),("复议后起诉",1,5)],
   OUT+OUT, [str(x) for x in V]]
doc = html_doc("某某县2020年政府信息公开工作年度报告", ["<p>四、政府信息公开行政复议、行政诉讼情况</p>", html_table(T)])
write("html-review-one-row","input.html",doc,{"review_litigation":rexp(V)})
# T14: md-review-split: 5 values under 行政复议, then the 行政诉讼 headers, then 10 values.
V=[1,0,0,2,3,6,2,0,1,9,0,0,1,0,1]
T=[["行政复议","","","",""],OUT,[str(x) for x in V[:5]],["行政诉讼","","","",""],["未经复议直接起诉","","","",""],OUT,
   [str(x) for x in V[5:10]],["复议后起诉","","","",""],OUT,[str(x) for x in V[10:]]]
write("md-review-split","input.md","## 四、政府信息公开行政复议、行政诉讼情况\n\n"+md_table(T),{"review_litigation":rexp(V)})
# T15: txt-review-group-rows: one labelled row per group, five values each.
V=[2,0,1,1,4,0,0,0,0,0,1,1,0,0,2]
T=[["","结果维持","结果纠正","其他结果","尚未审结","总计"],
   ["行政复议"]+[str(x) for x in V[:5]],
   ["行政诉讼 未经复议直接起诉"]+[str(x) for x in V[5:10]],
   ["行政诉讼 复议后起诉"]+[str(x) for x in V[10:]]]
write("txt-review-group-rows","input.txt","四、政府信息公开行政复议、行政诉讼情况\n\n"+txt_table(T),{"review_litigation":rexp(V)})
# T16: html-phantom-column: a Word paste leaves an empty grid column between the labels and the values.
labs=[("new_received",[("一、本年新收政府信息公开申请数量",1,3)]),("carried_over",[("二、上年结转政府信息公开申请数量",1,3)]),
 ("granted",[("三、本年度办理结果",21,1),("（一）予以公开",1,2)]),("partially_granted",[("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",1,2)]),
 ("denied_state_secret",[("（三）不予公开",8,1),"1.属于国家秘密"]),("denied_law_prohibited",["2.其他法律行政法规禁止公开"]),
 ("denied_security_stability",["3.危及“三安全一稳定”"]),("denied_third_party",["4.保护第三方合法权益"]),("denied_internal_affairs",["5.属于三类内部事务信息"]),
 ("denied_process_info",["6.属于四类过程性信息"]),("denied_enforcement_file",["7.属于行政执法案卷"]),("denied_inquiry",["8.属于行政查询事项"]),
 ("unavailable_not_held",[("（四）无法提供",3,1),"1.本机关不掌握相关政府信息"]),("unavailable_needs_creation",["2.没有现成信息需要另行制作"]),
 ("unavailable_unclear",["3.补正后申请内容仍不明确"]),("not_processed_complaint",[("（五）不予处理",5,1),"1.信访举报投诉类申请"]),
 ("not_processed_repeat",["2.重复申请"]),("not_processed_publication",["3.要求提供公开出版物"]),("not_processed_excessive",["4.无正当理由大量反复申请"]),
 ("not_processed_confirmation",["5.要求行政机关确认或重新出具已获取信息"]),("other_handling",[("（六）其他处理",1,2)]),("total_handled",[("（七）总计",1,2)]),
 ("carried_forward",[("四、结转下年度继续办理",1,3)])]
rows=[[("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",3,4),("申请人情况",1,7)],
      [("自然人",2,1),("法人或其他组织",1,5),("总计",2,1)],
      ["商业企业","科研机构","社会公益组织","法律服务机构","其他"]]
exp=[]
for i,(code,lab) in enumerate(labs):
    v=distinct(i+1)
    printed=[str(x) for x in v]
    if i%3==0: printed[2]=""   # a real blank
    vals=[x if not (i%3==0 and k==2) else None for k,x in enumerate(v)]
    rows.append(lab+[""]+printed); exp.append((code,vals))
doc = html_doc("某某区2019年政府信息公开工作年度报告", ["<p>三、收到和处理政府信息公开申请情况</p>", html_table(rows)])
write("html-phantom-column","input.html",doc,{"requests":reqexp(exp)})
